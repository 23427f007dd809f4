//! A polynomial weight, with enough in it that rustc does not inline it across crates by itself.

/// w(v) = v^8 + v^7/2 + ... evaluated by Horner's rule, plus a clamp.
pub fn weight(v: f64) -> f64 {
    let c = [1.0, 0.5, 0.25, 0.125, 0.0625, 0.03125, 0.015625, 0.0078125, 0.00390625];
    let mut acc = 0.0;
    for k in c {
        acc = acc * v + k;
    }
    if acc > 1e6 { 1e6 } else if acc < -1e6 { -1e6 } else { acc }
}

/// w'(v), by Horner's rule on the derivative's coefficients.
pub fn weight_prime(v: f64) -> f64 {
    let c = [1.0, 0.5, 0.25, 0.125, 0.0625, 0.03125, 0.015625, 0.0078125, 0.00390625];
    let mut acc = 0.0;
    let mut d = 0.0;
    for k in c {
        d = d * v + acc;
        acc = acc * v + k;
    }
    if acc > 1e6 || acc < -1e6 { 0.0 } else { d }
}
