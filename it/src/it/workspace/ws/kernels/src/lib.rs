//! A kernel crate that is a workspace member, inheriting its edition and using a sibling member.
use std::slice;

#[no_mangle]
pub unsafe extern "C" fn sumsq(x: *const f64, n: usize) -> f64 {
    slice::from_raw_parts(x, n).iter().map(|&v| ws_helper::square(v)).sum()
}
