package dev.ctime.autodiff;

import dev.ctime.symbols.RustDemangler;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why Enzyme rejected a crate, from rustc's output: the function it was differentiating
 * (demangled), Enzyme's own verdict wherever Enzyme put it (after "Enzyme: " on the error line,
 * or at the end of the IR dump that can follow it), the instruction it names, and what to do
 * about the gaps known to cause it.
 *
 * @param function the differentiated function as a Rust path, or null where Enzyme named none
 * @param verdict  Enzyme's sentence, e.g. "cannot handle (reverse) unknown intrinsic"
 * @param detail   what it names: the intrinsic and the instruction, one line each; may be empty
 * @param advice   what to do, where the cause is a known gap; null otherwise
 * @param kernels  the differentiated functions whose derivative Enzyme was building (its "diffe…" names), where the
 *                 function it names is another one they call (a library's, say); empty otherwise
 */
public record EnzymeVerdict(String function, String verdict, List<String> detail, String advice, List<String> kernels) {
    private static final Pattern DIFFE = Pattern.compile("diffe(_R[0-9A-Za-z_]+|_ZN[0-9A-Za-z_$.]+)");

    public EnzymeVerdict {
        detail = List.copyOf(detail);
        kernels = kernels == null ? List.of() : List.copyOf(kernels);
    }

    public EnzymeVerdict(String function, String verdict, List<String> detail, String advice) {
        this(function, verdict, detail, advice, List.of());
    }

    private static final Pattern ERROR_LINE = Pattern.compile("in function (\\S+)[^:]*?: Enzyme: ?(.*)$");
    private static final Pattern BARE = Pattern.compile("^(?:error: )?Enzyme: (.+)$");
    private static final Pattern DEFINE = Pattern.compile("define [^@]*@\"?([^\"(\\s]+)");
    private static final Pattern ACTIVITY = Pattern.compile("^\\s+constant(arg|inst)\\[");
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[;\\d]*m");
    /** Where a rustc that crashed inside Enzyme shows it. */
    private static final Pattern CRASH = Pattern.compile("(?i)(LLVM ERROR|Assertion .* failed|rustc interrupted by SIG|"
            + "compiler unexpectedly panicked|signal: 11, SIGSEGV|signal: 6, SIGABRT)");

    public static Optional<EnzymeVerdict> parse(String stderr) {
        return parseAt(stderr).map(v -> v.withKernels(differentiated(stderr)));
    }

    /** The same, naming the kernels Enzyme was differentiating where the function it rejected is not one of them. */
    EnzymeVerdict withKernels(List<String> differentiated) {
        List<String> others = differentiated.stream().filter(k -> !k.equals(function)).toList();
        return others.isEmpty() || others.size() < differentiated.size() ? this
                : new EnzymeVerdict(function, verdict, detail, advice, others);
    }

    /** Every function whose derivative the output shows Enzyme building ("diffe" and the mangled name), demangled. */
    static List<String> differentiated(String stderr) {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        Matcher m = DIFFE.matcher(stderr);
        while (m.find()) out.add(function(m.group()));
        return List.copyOf(out);
    }

    private static Optional<EnzymeVerdict> parseAt(String stderr) {
        String[] lines = stderr.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = ANSI.matcher(lines[i]).replaceAll("");
            Matcher m = ERROR_LINE.matcher(l);
            String function = null;
            String rest;
            if (m.find()) {
                function = function(m.group(1));
                rest = m.group(2).strip();
            } else {
                Matcher b = BARE.matcher(l.strip());
                if (!b.find()) continue;
                rest = b.group(1).strip();
            }
            if (rest.isEmpty() || rest.startsWith(";") || rest.startsWith("define ") || rest.startsWith("<analysis>")) {
                // A dump follows (the function's IR, or its type analysis); Enzyme's verdict comes after its end.
                List<String> after = afterDump(lines, i + 1);
                if (after.isEmpty()) return Optional.of(of(function, "rejected the function (its verdict was not printed)", List.of()));
                // "cannot handle unknown binary operator:   %x = mul …": the sentence, then the instruction.
                String[] first = after.get(0).split(":\\s{2,}", 2);
                List<String> detail = new ArrayList<>();
                if (first.length > 1) detail.add(first[1].strip());
                detail.addAll(after.subList(1, after.size()));
                return Optional.of(of(function, first[0].strip(), detail));
            }
            // "Cannot deduce type of copy   tail call void @llvm.memcpy…": the sentence, then the instruction.
            String[] parts = rest.split("\\s{2,}|\t", 2);
            List<String> detail = parts.length > 1 ? List.of(parts[1].strip()) : List.of();
            if (function == null) function = nearbyFunction(lines, i);
            return Optional.of(of(function, parts[0].strip(), detail));
        }
        for (String l : lines) {
            if (CRASH.matcher(l).find() && stderr.contains("autodiff")) {
                return Optional.of(new EnzymeVerdict(null, "rustc crashed inside the autodiff pass: " + l.strip(), List.of(),
                        KnownGaps.crashAdvice()));
            }
        }
        return Optional.empty();
    }

    private static EnzymeVerdict of(String function, String verdict, List<String> detail) {
        return new EnzymeVerdict(function, verdict, List.copyOf(detail), KnownGaps.advice(verdict, detail));
    }

    /** "preprocess__RNv…gmm_objective" names gmm_ext::gmm_objective. */
    static String function(String llvmName) {
        String n = llvmName.replace("\"", "");
        for (String prefix : List.of("preprocess_", "fixup_", "diffe", "reverse_", "augmented_", "__enzyme_autodiff_")) {
            if (n.startsWith(prefix) && (n.startsWith("_R", prefix.length()) || n.startsWith("_ZN", prefix.length()))) {
                n = n.substring(prefix.length());
                break;
            }
        }
        return RustDemangler.demangleEmbedded(n);
    }

    /**
     * The lines after the dump's end (the IR's closing "}", or "</analysis>" of a type analysis) up to the next
     * rustc or cargo line, without the activity analysis ("constantinst[…]") Enzyme may print before its verdict.
     */
    private static List<String> afterDump(String[] lines, int from) {
        int close = -1;
        for (int j = from; j < lines.length; j++) {
            String l = lines[j];
            if (l.equals("}") || l.equals("</analysis>")) close = j;
            if (l.startsWith("error: could not compile") || l.startsWith("error[") || (l.startsWith("error:") && close >= 0)) break;
        }
        List<String> out = new ArrayList<>();
        if (close < 0) return out;
        for (int j = close + 1; j < lines.length; j++) {
            String l = ANSI.matcher(lines[j]).replaceAll("");
            if (l.startsWith("error") || l.startsWith("warning:") || l.startsWith("Caused by")) break;
            if (!l.isBlank() && !ACTIVITY.matcher(l).find()) out.add(l.strip());
        }
        return out;
    }

    /** Enzyme sometimes prints its verdict on a line of its own; the function is then in a "define" just above. */
    private static String nearbyFunction(String[] lines, int at) {
        for (int j = at; j >= Math.max(0, at - 60); j--) {
            Matcher d = DEFINE.matcher(lines[j]);
            if (d.find()) return function(d.group(1));
            int p = lines[j].indexOf("preprocess_");
            if (p >= 0) return function(lines[j].substring(p).split("[\\s(,]")[0]);
        }
        return null;
    }

    /** One line a person reads: "Enzyme: verdict (in function): detail. Advice". */
    public String describe() {
        StringBuilder sb = new StringBuilder("Enzyme: ").append(verdict);
        if (function != null) sb.append(" (in ").append(function).append(kernels.isEmpty() ? "" : ", which the differentiated "
                + (kernels.size() == 1 ? "kernel " : "kernels ") + String.join(", ", kernels) + " call" + (kernels.size() == 1 ? "s" : ""))
                .append(')');
        if (!detail.isEmpty()) sb.append(": ").append(String.join(" / ", detail));
        if (advice != null) sb.append(". ").append(advice);
        return sb.toString();
    }
}
