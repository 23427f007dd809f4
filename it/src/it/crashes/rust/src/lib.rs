//! Kernels that crash or hang next to one that works: each fault must cost its own kernel only.
use std::slice;

#[no_mangle]
pub unsafe extern "C" fn good(x: *const f64, n: usize) -> f64 {
    slice::from_raw_parts(x, n).iter().sum()
}

#[no_mangle]
pub unsafe extern "C" fn segfault(x: *const f64, n: usize) -> f64 {
    let p = std::hint::black_box(std::ptr::null::<f64>());
    *p + *x.add(n / 2)
}

/// Ends the whole process with a clean exit code, as a library calling exit() would.
#[no_mangle]
pub extern "C" fn quits(_x: *const f64, _n: usize) -> f64 {
    std::process::exit(0)
}

#[no_mangle]
pub extern "C" fn aborts(_x: *const f64, _n: usize) -> f64 {
    std::process::abort()
}

#[no_mangle]
pub unsafe extern "C" fn panics(_x: *const f64, n: usize) -> f64 {
    if std::hint::black_box(n) > 0 {
        panic!("the kernel saw n = {n} and gave up");
    }
    0.0
}

#[no_mangle]
pub unsafe extern "C" fn spins(x: *const f64, n: usize) -> f64 {
    let mut s = 0.0;
    loop {
        s += std::hint::black_box(slice::from_raw_parts(x, n)[0]);
        if s.is_nan() {
            return s;
        }
    }
}

#[no_mangle]
pub extern "C" fn nan(_x: *const f64, _n: usize) -> f64 {
    f64::NAN
}
