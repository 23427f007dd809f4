//! A correct kernel, and one whose gradient is wrong (off by a factor on one coordinate).
use std::slice;

#[no_mangle]
pub unsafe extern "C" fn cube(x: *const f64, n: usize) -> f64 {
    slice::from_raw_parts(x, n).iter().map(|v| v * v * v).sum()
}

#[no_mangle]
pub unsafe extern "C" fn cube_grad(x: *const f64, g: *mut f64, n: usize) -> f64 {
    let (xs, g) = (slice::from_raw_parts(x, n), slice::from_raw_parts_mut(g, n));
    for i in 0..n {
        g[i] = 3.0 * xs[i] * xs[i];
    }
    cube(x, n)
}

#[no_mangle]
pub unsafe extern "C" fn wrong_grad(x: *const f64, g: *mut f64, n: usize) -> f64 {
    let (xs, g) = (slice::from_raw_parts(x, n), slice::from_raw_parts_mut(g, n));
    for i in 0..n {
        g[i] = 3.0 * xs[i] * xs[i];
    }
    g[n / 2] *= 1.5;
    cube(x, n)
}
