package dev.ctime.kernel;

import dev.ctime.model.Binding;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The FFM binding, written as an application writes it: each downcall handle in a static final field, called with
 * invokeExact in a loop (a handle in a variable is not a constant to the JIT and costs several times as much). ctime
 * itself is built for Java 17, so the fork generates that code for its slots and compiles it with the running JDK's
 * compiler (22 or newer); the classes are kept beside the forks' files for the next fork.
 *
 * <p>A slot is one function of one kernel size: bit 0 says critical, bit 1 gradient (see {@link #slot}).
 */
final class FfmCalls {
    static final String CLASS = "CtimeFfm";

    private final Class<?> cls;
    private final long[] targets;
    private final Method segment;

    private FfmCalls(Class<?> cls) throws ReflectiveOperationException {
        this.cls = cls;
        this.targets = (long[]) cls.getField("TARGETS").get(null);
        this.segment = cls.getMethod("segment", long.class, long.class);
    }

    static int slot(int group, boolean gradient, boolean critical) {
        return group * 4 + (gradient ? 2 : 0) + (critical ? 1 : 0);
    }

    /** Why this JVM cannot call through FFM, or null where it can. */
    static String unavailable() {
        int v = Runtime.version().feature();
        if (v < Binding.FIRST_FFM_JDK) {
            return "the forks run on JDK " + v + "; the foreign function API needs " + Binding.FIRST_FFM_JDK + " or newer: set ctime.jdk to"
                    + " such a JDK's home (e.g. -Dctime.jdk=/usr/lib/jvm/jdk-25) or declare one in ~/.m2/toolchains.xml";
        }
        if (javax.tools.ToolProvider.getSystemJavaCompiler() == null) {
            return "the forks' JDK " + v + " has no Java compiler (a JRE?): ctime compiles its FFM calls there; set ctime.jdk"
                    + " to a full JDK";
        }
        return null;
    }

    /** Compiles (or finds compiled in {@code dir}) the calls for {@code slots} slots and loads them. */
    static FfmCalls load(Path dir, int slots) throws IOException, ReflectiveOperationException {
        Path out = dir.resolve("ffm-" + slots + "-jdk" + Runtime.version().feature());
        if (!Files.exists(out.resolve(CLASS + ".class"))) {
            Path tmp = Files.createTempDirectory(dir, "ffm");
            Path src = tmp.resolve(CLASS + ".java");
            Files.writeString(src, source(slots));
            var javac = javax.tools.ToolProvider.getSystemJavaCompiler();
            var err = new java.io.ByteArrayOutputStream();
            int rc = javac.run(null, err, err, "-nowarn", "-d", tmp.toString(), src.toString());
            if (rc != 0) throw new IOException("compiling ctime's FFM calls failed: " + err);
            Files.delete(src);
            try {
                Files.move(tmp, out);
            } catch (IOException e) {
                // Another process put them there first: theirs are the same.
                if (!Files.exists(out.resolve(CLASS + ".class"))) throw e;
            }
        }
        URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, FfmCalls.class.getClassLoader());
        return new FfmCalls(loader.loadClass(CLASS));
    }

    void target(int slot, long address) {
        targets[slot] = address;
    }

    /** A MemorySegment over {@code bytes} of native memory at {@code address}. */
    Object segment(long address, long bytes) throws ReflectiveOperationException {
        return segment.invoke(null, address, bytes);
    }

    /**
     * The loop of one slot: {@code (x, g, xa, ga, n, calls)}, x and g MemorySegments, xa and ga arrays, returning the
     * sum of f; {@code array} the loop that takes its data from the arrays (copied, or passed in place where critical).
     */
    Method loop(int slot, boolean array) throws NoSuchMethodException {
        return cls.getMethod((array ? "arr" : "off") + slot, Object.class, Object.class, double[].class, double[].class,
                long.class, long.class);
    }

    /** The source of {@code slots} slots. */
    static String source(int slots) {
        StringBuilder b = new StringBuilder();
        b.append("import java.lang.foreign.*;\nimport java.lang.invoke.MethodHandle;\n")
                .append("import static java.lang.foreign.ValueLayout.*;\n\n")
                .append("public final class ").append(CLASS).append(" {\n")
                .append("    public static final long[] TARGETS = new long[").append(slots).append("];\n")
                .append("    static final FunctionDescriptor PRIMAL = FunctionDescriptor.of(JAVA_DOUBLE, ADDRESS, JAVA_LONG);\n")
                .append("    static final FunctionDescriptor GRADIENT = FunctionDescriptor.of(JAVA_DOUBLE, ADDRESS, ADDRESS, JAVA_LONG);\n")
                .append("    static MethodHandle link(int slot) {\n")
                .append("        MemorySegment f = MemorySegment.ofAddress(TARGETS[slot]);\n")
                .append("        FunctionDescriptor d = (slot & 2) != 0 ? GRADIENT : PRIMAL;\n")
                .append("        return (slot & 1) != 0 ? Linker.nativeLinker().downcallHandle(f, d, Linker.Option.critical(true))\n")
                .append("                : Linker.nativeLinker().downcallHandle(f, d);\n    }\n")
                .append("    public static Object segment(long address, long bytes) {\n")
                .append("        return MemorySegment.ofAddress(address).reinterpret(bytes);\n    }\n");
        for (int s = 0; s < slots; s++) {
            boolean gradient = (s & 2) != 0;
            boolean critical = (s & 1) != 0;
            String head = "(Object xs, Object gs, double[] xa, double[] ga, long n, long calls) throws Throwable {\n"
                    + "        MemorySegment x = (MemorySegment) xs;\n        MemorySegment g = (MemorySegment) gs;\n"
                    + "        double acc = 0;\n        for (long i = 0; i < calls; i++) {\n";
            String tail = "        }\n        return acc;\n    }\n";
            String h = "H" + s + ".MH";
            b.append(String.format(Locale.ROOT, "    static final class H%d { static final MethodHandle MH = link(%d); }\n", s, s));
            b.append("    public static double off").append(s).append(head)
                    .append(gradient ? "            acc += (double) " + h + ".invokeExact(x, g, n);\n"
                            : "            acc += (double) " + h + ".invokeExact(x, n);\n")
                    .append(tail);
            b.append("    public static double arr").append(s).append(head);
            if (critical) {
                // A critical downcall may take heap memory: the arrays are passed in place, pinned for the call.
                b.append(gradient ? "            acc += (double) " + h + ".invokeExact(MemorySegment.ofArray(xa), MemorySegment.ofArray(ga), n);\n"
                        : "            acc += (double) " + h + ".invokeExact(MemorySegment.ofArray(xa), n);\n");
            } else {
                // A plain downcall takes native memory only: the array is copied in, and the gradient out, every call.
                b.append("            MemorySegment.copy(xa, 0, x, JAVA_DOUBLE, 0, (int) n);\n");
                b.append(gradient ? "            acc += (double) " + h + ".invokeExact(x, g, n);\n"
                        + "            MemorySegment.copy(g, JAVA_DOUBLE, 0, ga, 0, (int) n);\n"
                        : "            acc += (double) " + h + ".invokeExact(x, n);\n");
            }
            b.append(tail);
        }
        return b.append("}\n").toString();
    }
}
