//! In-process timing loop for ctime's fidelity benchmark: times the crate's own kernels the
//! way a benchmark written inside the crate would (std::hint::black_box, batches of at least
//! `min_ms`, median of the samples), with the same inputs ctime uses (SplitMix64, values in
//! [-1, 1]). Prints one line per kernel and size: `kernel n primal_ns gradient_ns`.
//!
//! usage: inproc-bench SEED MIN_MS SAMPLES N [N...]
#![cfg_attr(feature = "autodiff", feature(autodiff))]

// The cdylib is not an rlib (cargo would not apply LTO to it then), so the bench compiles the
// very same kernel source into itself.
#[path = "../kernels.rs"]
mod kernels;
use std::hint::black_box;
use std::time::Instant;

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
    for _ in 0..samples {
        for _ in 0..batch {
            call();
        }
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

type Primal = fn(&[f64]) -> f64;
type Gradient = fn(&[f64], &mut [f64]) -> f64;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 4 {
        eprintln!("usage: inproc-bench SEED MIN_MS SAMPLES N [N...]");
        std::process::exit(2);
    }
    let seed: u64 = args[0].parse().expect("SEED");
    let min_ms: f64 = args[1].parse().expect("MIN_MS");
    let samples: usize = args[2].parse().expect("SAMPLES");
    let all: [(&str, Primal, Gradient); 3] = [
        ("logsumexp", kernels::logsumexp, grad_of(0)),
        ("heat", kernels::heat, grad_of(1)),
        ("rosenbrock", kernels::rosenbrock, grad_of(2)),
    ];
    for n in args[3..].iter().map(|a| a.parse::<usize>().expect("N")) {
        let x = splitmix_inputs(seed, n);
        let mut g = vec![0.0; n];
        for (name, f, df) in all {
            let p = median_ns_per_call(min_ms, samples, || {
                black_box(f(black_box(&x)));
            });
            let d = median_ns_per_call(min_ms, samples, || {
                black_box(df(black_box(&x), black_box(&mut g)));
            });
            println!("{name} {n} {p:.3} {d:.3}");
        }
    }
}

/// The gradient the cdylib exports for kernel `i`, hand-written or Enzyme-generated.
fn grad_of(i: usize) -> Gradient {
    #[cfg(not(feature = "autodiff"))]
    {
        [kernels::logsumexp_grad, kernels::heat_grad, kernels::rosenbrock_grad][i]
    }
    #[cfg(feature = "autodiff")]
    {
        fn lse(x: &[f64], g: &mut [f64]) -> f64 { g.fill(0.0); kernels::d_logsumexp(x, g, 1.0) }
        fn heat(x: &[f64], g: &mut [f64]) -> f64 { g.fill(0.0); kernels::d_heat(x, g, 1.0) }
        fn rb(x: &[f64], g: &mut [f64]) -> f64 { g.fill(0.0); kernels::d_rosenbrock(x, g, 1.0) }
        [lse as Gradient, heat, rb][i]
    }
}
