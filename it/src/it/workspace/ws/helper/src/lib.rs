pub fn square(v: f64) -> f64 { v * v }
