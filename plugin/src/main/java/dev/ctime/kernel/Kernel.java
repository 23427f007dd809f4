package dev.ctime.kernel;

import java.util.List;

/**
 * A kernel as the POM names it: the primal symbol, the optional gradient symbol, the sizes to time.
 *
 * @param gradient null when the crate exports no gradient for this kernel
 */
public record Kernel(String name, String primal, String gradient, List<Integer> sizes) {
    public Kernel {
        sizes = List.copyOf(sizes);
    }
}
