package dev.ctime.model;

/**
 * Which figure a comparison, a gate row or a baseline entry is about. Reports keep the id as text
 * ({@code compile.full.cpuMs}, {@code kernel:heat:4096:gradientNs}, {@code artifactBytes}) so that
 * they stay readable and old ones load; this is the one place that writes, reads and names it.
 */
public sealed interface FigureId permits FigureId.Build, FigureId.Kernel, FigureId.Size, FigureId.Other {
    String CPU_MS = "cpuMs";
    String WALL_MS = "wallMs";
    String MAX_RSS_KB = "maxRssKb";
    String INSTRUCTIONS = "instructions";
    String PRIMAL_NS = "primalNs";
    String GRADIENT_NS = "gradientNs";
    String PRIMAL_INSTRUCTIONS = "primalInstructions";
    String GRADIENT_INSTRUCTIONS = "gradientInstructions";
    String PRIMAL_CYCLES = "primalCycles";
    String GRADIENT_CYCLES = "gradientCycles";

    /** The id as reports write it. */
    String id();

    /** The name a person reads: "full build cpu", "heat@4096 gradient", "library size". */
    String label();

    /** Reads any id; one it does not know stays {@link Other}, named as it is. */
    static FigureId parse(String id) {
        if (id.equals(Size.ID)) return new Size();
        if (id.startsWith(Build.PREFIX)) {
            int last = id.lastIndexOf('.');
            if (last > Build.PREFIX.length()) return new Build(id.substring(Build.PREFIX.length(), last), id.substring(last + 1));
        }
        if (id.startsWith(Kernel.PREFIX)) {
            String[] f = id.split(":");
            if (f.length == 4) {
                try {
                    return new Kernel(f[1], Integer.parseInt(f[2]), f[3]);
                } catch (NumberFormatException e) {
                    return new Other(id);
                }
            }
        }
        return new Other(id);
    }

    /**
     * One figure of one build scenario.
     *
     * @param scenario the scenario ("clean", "edit", "full", or "rustc" for the analysis build's counted instructions)
     * @param measure  cpuMs, wallMs, maxRssKb, instructions, or cpuMs+pipeline (a trained build with its pipeline)
     */
    record Build(String scenario, String measure) implements FigureId {
        static final String PREFIX = "compile.";

        public static Build cpu(String scenario) {
            return new Build(scenario, CPU_MS);
        }

        @Override
        public String id() {
            return PREFIX + scenario + "." + measure;
        }

        @Override
        public String label() {
            String what = switch (measure) {
                case CPU_MS -> "cpu";
                case WALL_MS -> "wall";
                case MAX_RSS_KB -> "peak RSS";
                case "cargoWallMs" -> "cargo wall";
                default -> measure;
            };
            return scenario + " build " + what;
        }

        public Build with(String otherMeasure) {
            return new Build(scenario, otherMeasure);
        }
    }

    /**
     * One figure of one kernel at one size.
     *
     * @param kernel  the kernel's name
     * @param n       its input size
     * @param measure primalNs, gradientNs, primalInstructions, gradientInstructions, primalCycles or gradientCycles
     */
    record Kernel(String kernel, int n, String measure) implements FigureId {
        static final String PREFIX = "kernel:";

        @Override
        public String id() {
            return PREFIX + kernel + ":" + n + ":" + measure;
        }

        @Override
        public String label() {
            return benchmark() + (measure.endsWith("Cycles") ? " estimated cycles" : counted() ? " instructions" : "");
        }

        /** "heat@4096 gradient": the kernel function the figure is about, whatever measures it. */
        public String benchmark() {
            return kernel + "@" + n + " " + function();
        }

        /** primal or gradient. */
        public String function() {
            return measure.startsWith("gradient") ? Workload.GRADIENT : Workload.PRIMAL;
        }

        /** Instructions, or estimated cycles, counted under Cachegrind, rather than time. */
        public boolean counted() {
            return measure.endsWith("Instructions") || measure.endsWith("Cycles");
        }

        /** The same function's figure measured the other way: its instruction count for a time, its time for a count. */
        public Kernel counterpart() {
            String f = function();
            return new Kernel(kernel, n, counted() ? f + "Ns" : f + "Instructions");
        }

        public Kernel with(String otherMeasure) {
            return new Kernel(kernel, n, otherMeasure);
        }

        public static Kernel of(KernelTiming k, String measure) {
            return new Kernel(k.name(), k.n(), measure);
        }
    }

    /** The built library's size in bytes. */
    record Size() implements FigureId {
        static final String ID = "artifactBytes";

        @Override
        public String id() {
            return ID;
        }

        @Override
        public String label() {
            return "library size";
        }
    }

    /**
     * An id this version does not know (written by a later one): shown as it is.
     *
     * @param id the id as written
     */
    record Other(String id) implements FigureId {
        @Override
        public String label() {
            return id;
        }
    }
}
