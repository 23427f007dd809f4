//! One kernel in ctime's ABI whose inner loop calls into another crate: f(x) = sum of w(x_i).
use std::slice;

#[no_mangle]
pub unsafe extern "C" fn wsum(x: *const f64, n: usize) -> f64 {
    slice::from_raw_parts(x, n).iter().map(|&v| ltodep::weight(v)).sum()
}

#[no_mangle]
pub unsafe extern "C" fn wsum_grad(x: *const f64, g: *mut f64, n: usize) -> f64 {
    let (xs, g) = (slice::from_raw_parts(x, n), slice::from_raw_parts_mut(g, n));
    for i in 0..n {
        g[i] = ltodep::weight_prime(xs[i]);
    }
    wsum(x, n)
}

/// f(x) = sum of x_i^2, all in this crate: LTO has nothing to inline here.
#[no_mangle]
pub unsafe extern "C" fn local(x: *const f64, n: usize) -> f64 {
    slice::from_raw_parts(x, n).iter().map(|v| v * v).sum()
}
