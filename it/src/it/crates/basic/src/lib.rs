//! Two kernels in ctime's ABI with correct gradients.
use std::slice;

/// f(x) = sum of x_i^2
#[no_mangle]
pub unsafe extern "C" fn sumsq(x: *const f64, n: usize) -> f64 {
    slice::from_raw_parts(x, n).iter().map(|v| v * v).sum()
}

#[no_mangle]
pub unsafe extern "C" fn sumsq_grad(x: *const f64, g: *mut f64, n: usize) -> f64 {
    let (x, g) = (slice::from_raw_parts(x, n), slice::from_raw_parts_mut(g, n));
    for i in 0..n {
        g[i] = 2.0 * x[i];
    }
    sumsq(x.as_ptr(), n)
}

/// f(x) = sum of sin(x_i) * x_{i+1}
#[no_mangle]
pub unsafe extern "C" fn chain(x: *const f64, n: usize) -> f64 {
    let x = slice::from_raw_parts(x, n);
    (0..n.saturating_sub(1)).map(|i| x[i].sin() * x[i + 1]).sum()
}

#[no_mangle]
pub unsafe extern "C" fn chain_grad(x: *const f64, g: *mut f64, n: usize) -> f64 {
    let (xs, g) = (slice::from_raw_parts(x, n), slice::from_raw_parts_mut(g, n));
    g.fill(0.0);
    for i in 0..n.saturating_sub(1) {
        g[i] += xs[i].cos() * xs[i + 1];
        g[i + 1] += xs[i].sin();
    }
    chain(x, n)
}
