package dev.ctime.symbols;

/**
 * RFC 3492 Punycode decoding, as Rust's v0 mangling uses it for non-ASCII identifiers (with
 * {@code _} in place of {@code -} as the delimiter between the basic and the encoded part).
 */
final class Punycode {
    private static final int BASE = 36;
    private static final int T_MIN = 1;
    private static final int T_MAX = 26;
    private static final int SKEW = 38;
    private static final int DAMP = 700;

    private Punycode() {
    }

    static String decode(String raw) {
        int delim = raw.lastIndexOf('_');
        StringBuilder out = new StringBuilder();
        java.util.List<Integer> cps = new java.util.ArrayList<>();
        if (delim > 0) raw.substring(0, delim).codePoints().forEach(cps::add);
        String enc = delim >= 0 ? raw.substring(delim + 1) : raw;
        int n = 128;
        int i = 0;
        int bias = 72;
        int at = 0;
        while (at < enc.length()) {
            int oldi = i;
            int w = 1;
            for (int k = BASE; ; k += BASE) {
                if (at >= enc.length()) throw new IllegalArgumentException("truncated punycode");
                int digit = digit(enc.charAt(at++));
                i = Math.addExact(i, Math.multiplyExact(digit, w));
                int t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
                if (digit < t) break;
                w = Math.multiplyExact(w, BASE - t);
            }
            bias = adapt(i - oldi, cps.size() + 1, oldi == 0);
            n = Math.addExact(n, i / (cps.size() + 1));
            i %= cps.size() + 1;
            if (!Character.isValidCodePoint(n)) throw new IllegalArgumentException("bad code point");
            cps.add(i, n);
            i++;
        }
        cps.forEach(out::appendCodePoint);
        return out.toString();
    }

    private static int digit(char c) {
        if (c >= 'a' && c <= 'z') return c - 'a';
        if (c >= '0' && c <= '9') return c - '0' + 26;
        throw new IllegalArgumentException("bad punycode digit " + c);
    }

    private static int adapt(int delta, int points, boolean first) {
        int d = first ? delta / DAMP : delta / 2;
        d += d / points;
        int k = 0;
        while (d > ((BASE - T_MIN) * T_MAX) / 2) {
            d /= BASE - T_MIN;
            k += BASE;
        }
        return k + (BASE - T_MIN + 1) * d / (d + SKEW);
    }
}
