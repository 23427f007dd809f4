package dev.ctime.kernel;

import dev.ctime.model.Binding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where no JDK is named for the kernel forks and Maven runs on one older than the FFM binding needs: a JDK of 22 or
 * newer installed beside Maven's (as Debian's /usr/lib/jvm holds them), the newest, with a compiler.
 */
public final class ForkJdk {

    private ForkJdk() {
    }

    /** A JDK home of {@link Binding#FIRST_FFM_JDK} or newer beside {@code javaHome}, or null where there is none (or Maven's is one). */
    public static Path beside(Path javaHome) {
        if (ForkLauncher.featureOf(javaHome) >= Binding.FIRST_FFM_JDK || javaHome.getParent() == null) return null;
        try (Stream<Path> homes = Files.list(javaHome.getParent())) {
            return homes.filter(h -> Files.isExecutable(h.resolve("bin").resolve("javac")))
                    .filter(h -> ForkLauncher.featureOf(h) >= Binding.FIRST_FFM_JDK)
                    .max(Comparator.comparingInt(ForkLauncher::featureOf).thenComparing(Path::toString)).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
