package dev.ctime.kernel;

/**
 * Deterministic pseudo-random inputs in [-1, 1): SplitMix64 from a fixed seed, the top 53 bits
 * mapped to a double. Recorded in the report so anyone can regenerate them (the fidelity
 * benchmark's Rust loop does, bit for bit).
 */
public final class Inputs {
    public static final String GENERATOR = "splitmix64, (z >>> 11) * 2^-53 * 2 - 1";

    private Inputs() {
    }

    public static double[] generate(long seed, int n) {
        double[] x = new double[n];
        long s = seed;
        for (int i = 0; i < n; i++) {
            s += 0x9E3779B97F4A7C15L;
            long z = s;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z ^= z >>> 31;
            x[i] = (z >>> 11) * 0x1.0p-53 * 2.0 - 1.0;
        }
        return x;
    }
}
