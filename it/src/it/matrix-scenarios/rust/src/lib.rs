//! A kernel with a few generic helpers, so codegen units and LTO have something to split.
use std::slice;

fn weighted<T: Copy + Into<f64>>(xs: &[T], w: f64) -> f64 {
    xs.iter().map(|&v| v.into() * w).sum()
}

#[no_mangle]
pub unsafe extern "C" fn dot_self(x: *const f64, n: usize) -> f64 {
    let x = slice::from_raw_parts(x, n);
    weighted(x, 0.5) + x.iter().map(|v| v * v).sum::<f64>()
}

#[no_mangle]
pub unsafe extern "C" fn dot_self_grad(x: *const f64, g: *mut f64, n: usize) -> f64 {
    let (xs, gs) = (slice::from_raw_parts(x, n), slice::from_raw_parts_mut(g, n));
    for i in 0..n {
        gs[i] = 0.5 + 2.0 * xs[i];
    }
    dot_self(x, n)
}
