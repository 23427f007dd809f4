//! In-process timing loop for ctime's fidelity benchmark (bench/fidelity.sh).
//!
//! It times the very machine code ctime times: it loads the cdylib ctime built and measured,
//! and calls its exported kernels from a Rust loop, the way a benchmark inside the crate would
//! (std::hint::black_box, batches of at least MIN_MS, median of the samples), with the same
//! SplitMix64 inputs in [-1, 1). What differs from ctime is only the harness: no JNA, no JVM,
//! no C loop. Prints one line per kernel and size: `kernel n primal_ns gradient_ns`.
//!
//! usage: inproc-bench LIBRARY SEED MIN_MS SAMPLES NAME:PRIMAL:GRADIENT[,...] N [N...]
use std::ffi::{c_char, c_int, c_void, CStr, CString};
use std::hint::black_box;
use std::time::Instant;

extern "C" {
    fn dlopen(filename: *const c_char, flag: c_int) -> *mut c_void;
    fn dlsym(handle: *mut c_void, symbol: *const c_char) -> *mut c_void;
    fn dlerror() -> *const c_char;
}
const RTLD_NOW: c_int = 2;

type Primal = unsafe extern "C" fn(*const f64, usize) -> f64;
type Gradient = unsafe extern "C" fn(*const f64, *mut f64, usize) -> f64;

fn splitmix_inputs(seed: u64, n: usize) -> Vec<f64> {
    let mut s = seed;
    (0..n)
        .map(|_| {
            s = s.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = s;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^= z >> 31;
            ((z >> 11) as f64) * (1.0 / (1u64 << 53) as f64) * 2.0 - 1.0
        })
        .collect()
}

fn median_ns_per_call(min_ms: f64, samples: usize, mut call: impl FnMut()) -> f64 {
    let min = min_ms * 1e6;
    let mut batch: u64 = 1;
    loop {
        let t = Instant::now();
        for _ in 0..batch {
            call();
        }
        if t.elapsed().as_nanos() as f64 >= min {
            break;
        }
        batch *= 2;
    }
    let mut per_call: Vec<f64> = (0..samples)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..batch {
                call();
            }
            t.elapsed().as_nanos() as f64 / batch as f64
        })
        .collect();
    per_call.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let m = per_call.len() / 2;
    if per_call.len() % 2 == 1 { per_call[m] } else { 0.5 * (per_call[m - 1] + per_call[m]) }
}

/// The buffer layout ctime's harness uses: x page-aligned, grad 2 KiB past a page boundary
/// after it, so both loops see the same memory behaviour (4K aliasing varies with placement).
fn buffers(block: &mut Vec<u8>, n: usize) -> (*mut f64, *mut f64) {
    const PAGE: usize = 4096;
    let bytes = n.max(1) * 8;
    let span = bytes.div_ceil(PAGE) * PAGE;
    *block = vec![0u8; PAGE + span + 2048 + bytes];
    let base = block.as_mut_ptr() as usize;
    let x_off = (PAGE - base % PAGE) % PAGE;
    let x = (base + x_off) as *mut f64;
    let g = (base + x_off + span + 2048) as *mut f64;
    (x, g)
}

unsafe fn symbol(lib: *mut c_void, name: &str) -> *mut c_void {
    let c = CString::new(name).unwrap();
    let s = dlsym(lib, c.as_ptr());
    if s.is_null() {
        eprintln!("inproc-bench: symbol {name} not found");
        std::process::exit(1);
    }
    s
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 6 {
        eprintln!("usage: inproc-bench LIBRARY SEED MIN_MS SAMPLES NAME:PRIMAL:GRADIENT[,...] N [N...]");
        std::process::exit(2);
    }
    let path = CString::new(args[0].as_str()).unwrap();
    let lib = unsafe { dlopen(path.as_ptr(), RTLD_NOW) };
    if lib.is_null() {
        eprintln!("inproc-bench: {}", unsafe { CStr::from_ptr(dlerror()) }.to_string_lossy());
        std::process::exit(1);
    }
    let seed: u64 = args[1].parse().expect("SEED");
    let min_ms: f64 = args[2].parse().expect("MIN_MS");
    let samples: usize = args[3].parse().expect("SAMPLES");
    let kernels: Vec<(String, Primal, Gradient)> = args[4]
        .split(',')
        .map(|k| {
            let parts: Vec<&str> = k.split(':').collect();
            unsafe {
                let p: Primal = std::mem::transmute(symbol(lib, parts[1]));
                let g: Gradient = std::mem::transmute(symbol(lib, parts[2]));
                (parts[0].to_string(), p, g)
            }
        })
        .collect();
    let mut block = Vec::new();
    for n in args[5..].iter().map(|a| a.parse::<usize>().expect("N")) {
        let (x, g) = buffers(&mut block, n);
        for (i, v) in splitmix_inputs(seed, n).into_iter().enumerate() {
            unsafe { x.add(i).write(v) };
        }
        for (name, f, df) in &kernels {
            let p = median_ns_per_call(min_ms, samples, || unsafe {
                black_box(f(black_box(x as *const f64), n));
            });
            let d = median_ns_per_call(min_ms, samples, || unsafe {
                black_box(df(black_box(x as *const f64), black_box(g), n));
            });
            println!("{name} {n} {p:.3} {d:.3}");
        }
    }
}
