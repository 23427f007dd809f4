//! The kernels' numerics. Differentiated functions are written as plain loops over the input
//! slice, without copies of it: Enzyme cannot type an untyped memcpy (`to_vec`, sorting).
#[cfg(feature = "autodiff")]
use std::autodiff::autodiff_reverse;

/// log(sum(exp(x))), computed stably around the maximum.
#[cfg_attr(all(feature = "autodiff", not(ctime_no_autodiff = "logsumexp")), autodiff_reverse(d_logsumexp, Duplicated, Active))]
pub fn logsumexp(x: &[f64]) -> f64 {
    let mut m = f64::NEG_INFINITY;
    for &v in x {
        // A comparison, not f64::max: max lowers to llvm.maximumnum on current nightlies, whose
        // derivative Enzyme only learned in June 2026; older backends reject the whole crate.
        if v > m {
            m = v;
        }
    }
    if !m.is_finite() {
        return m;
    }
    let mut s = 0.0;
    for &v in x {
        s += (v - m).exp();
    }
    m + s.ln()
}

/// Hand-written gradient of `logsumexp`: the softmax of x.
pub fn logsumexp_grad(x: &[f64], g: &mut [f64]) -> f64 {
    let f = logsumexp(x);
    for (gi, &v) in g.iter_mut().zip(x) {
        *gi = (v - f).exp();
    }
    f
}

/// Energy of a 1-D heat-like stencil: sum of squared neighbour differences plus a
/// non-linear potential, the shape of a discretised PDE objective.
#[cfg_attr(all(feature = "autodiff", not(ctime_no_autodiff = "heat")), autodiff_reverse(d_heat, Duplicated, Active))]
pub fn heat(x: &[f64]) -> f64 {
    let n = x.len();
    let mut e = 0.0;
    for i in 0..n {
        e += 0.5 * x[i].sin() * x[i].sin();
        if i + 1 < n {
            let d = x[i + 1] - x[i];
            e += 0.5 * d * d;
        }
    }
    e
}

/// Hand-written gradient of `heat`.
pub fn heat_grad(x: &[f64], g: &mut [f64]) -> f64 {
    let n = x.len();
    let mut e = 0.0;
    for i in 0..n {
        let (s, c) = x[i].sin_cos();
        e += 0.5 * s * s;
        g[i] = s * c;
    }
    for i in 0..n.saturating_sub(1) {
        let d = x[i + 1] - x[i];
        e += 0.5 * d * d;
        g[i] -= d;
        g[i + 1] += d;
    }
    e
}

/// The extended Rosenbrock function.
#[cfg_attr(all(feature = "autodiff", not(ctime_no_autodiff = "rosenbrock")), autodiff_reverse(d_rosenbrock, Duplicated, Active))]
pub fn rosenbrock(x: &[f64]) -> f64 {
    let mut f = 0.0;
    for i in 0..x.len().saturating_sub(1) {
        let a = x[i + 1] - x[i] * x[i];
        let b = 1.0 - x[i];
        f += 100.0 * a * a + b * b;
    }
    f
}

/// Hand-written gradient of `rosenbrock`.
pub fn rosenbrock_grad(x: &[f64], g: &mut [f64]) -> f64 {
    g.fill(0.0);
    let mut f = 0.0;
    for i in 0..x.len().saturating_sub(1) {
        let a = x[i + 1] - x[i] * x[i];
        let b = 1.0 - x[i];
        f += 100.0 * a * a + b * b;
        g[i] += -400.0 * a * x[i] - 2.0 * b;
        g[i + 1] += 200.0 * a;
    }
    f
}
