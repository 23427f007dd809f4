package dev.ctime.autodiff;

import java.util.List;
import java.util.Locale;

/**
 * What is known to make Enzyme reject Rust code, and what to do about it: the one table behind
 * every piece of advice ctime gives on a failed autodiff build.
 */
final class KnownGaps {
    /** Intrinsics Rust emits for common float methods, with the method and when Enzyme learned them. */
    private static final List<String[]> INTRINSICS = List.of(
            new String[] {"llvm.maximumnum", "f64::max / f32::max", "June 2026 (Enzyme pull request 2867)"},
            new String[] {"llvm.minimumnum", "f64::min / f32::min", "June 2026 (Enzyme pull request 2867)"});

    private KnownGaps() {
    }

    static String advice(String verdict, List<String> detail) {
        String v = verdict.toLowerCase(Locale.ROOT);
        String all = (verdict + " " + String.join(" ", detail)).toLowerCase(Locale.ROOT);
        if (v.contains("unknown intrinsic") || v.contains("cannot handle")) {
            for (String[] i : INTRINSICS) {
                if (all.contains(i[0])) {
                    return "Enzyme has no derivative rule for " + i[0] + " (what " + i[1] + " lowers to on current nightlies)"
                            + " before " + i[2] + ": update the Enzyme backend, or avoid the construct in the differentiated"
                            + " function (write the comparison out: if v > m { m = v })";
                }
            }
            return "this Enzyme backend has no derivative rule for that construct: update the Enzyme backend, or avoid it in"
                    + " the differentiated function";
        }
        if (v.contains("cannot deduce type of copy") || v.contains("failed to deduce type of copy")) {
            return "An untyped memory copy (to_vec, clone of a slice, sorting) in the differentiated function: loop over the"
                    + " input instead of copying it; " + looseTypes();
        }
        if (v.contains("cannot deduce type")) return looseTypes();
        if (v.contains("illegal updateanalysis") && v.contains("float") && v.contains("integer")) {
            return "Enzyme's type analysis found one value used as two types, as bit-level float code does (to_bits and"
                    + " from_bits, as libm's functions use them): call std's f64 methods there (they lower to LLVM intrinsics"
                    + " Enzyme has rules for), keep that call out of the differentiated function, or try LooseTypes"
                    + " (the enzyme-loosetypes preset), which ctime's gradient check then verifies";
        }
        return null;
    }

    static String looseTypes() {
        return "LooseTypes (<autodiff>LooseTypes</autodiff>, the enzyme-loosetypes preset) is the usual way through, and"
                + " ctime's gradient check is what makes it safe: LooseTypes can also build and return wrong, even all-zero,"
                + " gradients";
    }

    static String crashAdvice() {
        return "constructs known to crash rustc inside Enzyme in the differentiated function: Vec::push, println!,"
                + " std::hint::black_box; keep the differentiated function free of allocation and I/O";
    }
}
