//! One kernel in ctime's ABI: f(x) = sum of x_i^2 / 2, gradient x.
use std::slice;

#[no_mangle]
pub unsafe extern "C" fn half_sq(x: *const f64, n: usize) -> f64 {
    slice::from_raw_parts(x, n).iter().map(|v| 0.5 * v * v).sum()
}

#[no_mangle]
pub unsafe extern "C" fn half_sq_grad(x: *const f64, g: *mut f64, n: usize) -> f64 {
    let (xs, gs) = (slice::from_raw_parts(x, n), slice::from_raw_parts_mut(g, n));
    gs.copy_from_slice(xs);
    half_sq(x, n)
}
