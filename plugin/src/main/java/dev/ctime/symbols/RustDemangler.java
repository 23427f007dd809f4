package dev.ctime.symbols;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rust symbol names as a person reads them, without hashes: the v0 scheme (RFC 2603, {@code _R…},
 * with generic arguments, closures, impls, trait objects, const generics and punycode
 * identifiers) and the legacy scheme ({@code _ZN…17h<hash>E}). A name that does not parse is
 * returned unchanged, never half-demangled.
 */
public final class RustDemangler {
    /** Deeper nesting than any real symbol: a bound against crafted input. */
    private static final int MAX_DEPTH = 300;
    private static final Pattern EMBEDDED = Pattern.compile("(_R[0-9A-Za-z_]+|_?_ZN[0-9A-Za-z_$.]+E)");

    private RustDemangler() {
    }

    /** The demangled name, or {@code symbol} itself where it is no Rust symbol. */
    public static String demangle(String symbol) {
        String s = symbol;
        if (s.startsWith("__R") || s.startsWith("__ZN")) s = s.substring(1);
        try {
            if (s.startsWith("_R")) return v0(s);
            if (s.startsWith("_ZN") || s.startsWith("ZN")) return legacy(s);
        } catch (Invalid | IndexOutOfBoundsException | IllegalArgumentException | ArithmeticException e) {
            return symbol;
        }
        return symbol;
    }

    /**
     * Every mangled Rust name inside a longer text demangled in place, as Enzyme writes them
     * ({@code preprocess__RNvCs…_7gmm_ext13gmm_objective}, {@code __enzyme_autodiff__RNv…}).
     */
    public static String demangleEmbedded(String text) {
        Matcher m = EMBEDDED.matcher(text);
        StringBuilder sb = new StringBuilder();
        int at = 0;
        while (m.find()) {
            String candidate = m.group(1);
            String demangled = null;
            // The match may run past the symbol (a suffix glued on): try the longest prefix that parses.
            for (int end = candidate.length(); end > 2 && demangled == null; end--) {
                String sym = candidate.substring(0, end);
                String d = demangle(sym);
                if (!d.equals(sym)) {
                    demangled = d + candidate.substring(end);
                }
            }
            if (demangled == null) continue;
            sb.append(text, at, m.start()).append(demangled);
            at = m.end();
        }
        return sb.append(text.substring(at)).toString();
    }

    // ---- legacy: _ZN {len ident} E, with $..$ escapes and a trailing 17h<16 hex> hash ----

    static String legacy(String sym) {
        String s = sym.startsWith("_") ? sym.substring(1) : sym;
        int i = 2; // after "ZN"
        List<String> parts = new ArrayList<>();
        while (s.charAt(i) != 'E') {
            int len = 0;
            int start = i;
            while (Character.isDigit(s.charAt(i))) len = len * 10 + (s.charAt(i++) - '0');
            if (i == start || len == 0) throw new Invalid();
            parts.add(s.substring(i, i + len));
            i += len;
        }
        String rest = s.substring(i + 1);
        if (!rest.isEmpty() && !rest.startsWith(".")) throw new Invalid();
        if (parts.isEmpty()) throw new Invalid();
        String last = parts.get(parts.size() - 1);
        if (parts.size() > 1 && last.matches("h[0-9a-f]{16}")) parts.remove(parts.size() - 1);
        List<String> out = new ArrayList<>();
        for (String p : parts) out.add(unescapeLegacy(p));
        return String.join("::", out) + stripLlvmSuffix(rest);
    }

    private static String unescapeLegacy(String p) {
        String s = p.startsWith("_$") ? p.substring(1) : p;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '$') {
                int end = s.indexOf('$', i + 1);
                if (end < 0) throw new Invalid();
                String code = s.substring(i + 1, end);
                sb.append(switch (code) {
                    case "SP" -> "@";
                    case "BP" -> "*";
                    case "RF" -> "&";
                    case "LT" -> "<";
                    case "GT" -> ">";
                    case "LP" -> "(";
                    case "RP" -> ")";
                    case "C" -> ",";
                    default -> {
                        if (!code.startsWith("u")) throw new Invalid();
                        yield new String(Character.toChars(Integer.parseInt(code.substring(1), 16)));
                    }
                });
                i = end;
            } else if (c == '.' && i + 1 < s.length() && s.charAt(i + 1) == '.') {
                sb.append("::");
                i++;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** ".llvm.1234" (ThinLTO's promotion suffix) is noise; other suffixes (".0.0") are kept. */
    private static String stripLlvmSuffix(String rest) {
        int l = rest.indexOf(".llvm.");
        return l < 0 ? rest : rest.substring(0, l);
    }

    // ---- v0 ----

    static String v0(String sym) {
        String inner = sym.substring(2);
        if (inner.isEmpty()) throw new Invalid();
        Parser p = new Parser(inner);
        // An optional encoding version (decimal) comes first; only version 0 exists.
        if (Character.isDigit(inner.charAt(0))) throw new Invalid();
        StringBuilder out = new StringBuilder();
        p.path(out, true);
        // An optional instantiating crate follows; it is not printed.
        if (p.pos < inner.length() && Character.isUpperCase(inner.charAt(p.pos))) p.path(new StringBuilder(), false);
        String rest = inner.substring(p.pos);
        if (!rest.isEmpty() && !rest.startsWith(".")) throw new Invalid();
        return out + stripLlvmSuffix(rest).replaceAll("@@.*$", "");
    }

    private static final class Invalid extends RuntimeException {
        Invalid() {
            super(null, null, false, false);
        }
    }

    private static final class Parser {
        final String s;
        int pos;
        int depth;
        /** Lifetimes bound so far by binders (for naming them 'a, 'b …). */
        int boundLifetimes;

        Parser(String s) {
            this.s = s;
        }

        Parser at(int p) {
            Parser q = new Parser(s);
            q.pos = p;
            q.depth = depth;
            q.boundLifetimes = boundLifetimes;
            return q;
        }

        char peek() {
            return pos < s.length() ? s.charAt(pos) : '\0';
        }

        char next() {
            if (pos >= s.length()) throw new Invalid();
            return s.charAt(pos++);
        }

        boolean eat(char c) {
            if (peek() == c) {
                pos++;
                return true;
            }
            return false;
        }

        void enter() {
            if (++depth > MAX_DEPTH) throw new Invalid();
        }

        /** base-62-number: "_" is 0, otherwise digits 0-9a-zA-Z then "_", value + 1. */
        long base62() {
            if (eat('_')) return 0;
            long v = 0;
            while (true) {
                char c = next();
                if (c == '_') return v + 1;
                int d;
                if (c >= '0' && c <= '9') d = c - '0';
                else if (c >= 'a' && c <= 'z') d = 10 + c - 'a';
                else if (c >= 'A' && c <= 'Z') d = 36 + c - 'A';
                else throw new Invalid();
                // Crate disambiguators are 64-bit hashes: let them wrap, only back-references need the value.
                v = v * 62 + d;
            }
        }

        /** "s" base-62-number: absent 0, "s_" 1, "s0_" 2 … */
        long disambiguator() {
            return eat('s') ? base62() + 1 : 0;
        }

        /** A back-reference: a parser at an earlier position of the same symbol. */
        Parser backref() {
            int start = pos - 1;
            long target = base62();
            if (target < 0 || target >= start) throw new Invalid();
            return at((int) target);
        }

        String identifier() {
            boolean puny = eat('u');
            int len = 0;
            if (!Character.isDigit(peek())) throw new Invalid();
            // A decimal number has no leading zeros: "0" stands alone (an empty name, as closures have).
            if (!eat('0')) {
                while (Character.isDigit(peek())) len = Math.addExact(Math.multiplyExact(len, 10), next() - '0');
            }
            eat('_');
            if (pos + len > s.length()) throw new Invalid();
            String raw = s.substring(pos, pos + len);
            pos += len;
            return puny ? Punycode.decode(raw) : raw;
        }

        void path(StringBuilder out, boolean inValue) {
            enter();
            char tag = next();
            switch (tag) {
                case 'C' -> {
                    disambiguator();
                    out.append(identifier());
                }
                case 'N' -> {
                    char ns = next();
                    if (!Character.isLetter(ns)) throw new Invalid();
                    path(out, inValue);
                    long dis = disambiguator();
                    String name = identifier();
                    if (Character.isUpperCase(ns)) {
                        out.append("::{").append(ns == 'C' ? "closure" : ns == 'S' ? "shim" : String.valueOf(ns));
                        if (!name.isEmpty()) out.append(':').append(name);
                        out.append('#').append(dis).append('}');
                    } else if (!name.isEmpty()) {
                        out.append("::").append(name);
                    }
                }
                case 'M' -> {
                    disambiguator();
                    path(new StringBuilder(), false);
                    out.append('<');
                    type(out);
                    out.append('>');
                }
                case 'X' -> {
                    disambiguator();
                    path(new StringBuilder(), false);
                    out.append('<');
                    type(out);
                    out.append(" as ");
                    path(out, false);
                    out.append('>');
                }
                case 'Y' -> {
                    out.append('<');
                    type(out);
                    out.append(" as ");
                    path(out, false);
                    out.append('>');
                }
                case 'I' -> {
                    path(out, inValue);
                    if (inValue) out.append("::");
                    out.append('<');
                    genericArgs(out);
                    out.append('>');
                }
                case 'B' -> backref().path(out, inValue);
                default -> throw new Invalid();
            }
            depth--;
        }

        /** Generic arguments up to "E", comma-separated; erased lifetimes are left out. */
        void genericArgs(StringBuilder out) {
            boolean first = true;
            while (!eat('E')) {
                StringBuilder arg = new StringBuilder();
                genericArg(arg);
                if (arg.isEmpty()) continue;
                if (!first) out.append(", ");
                out.append(arg);
                first = false;
            }
        }

        void genericArg(StringBuilder out) {
            if (eat('L')) {
                lifetime(out, base62());
            } else if (eat('K')) {
                constant(out, true);
            } else {
                type(out);
            }
        }

        void lifetime(StringBuilder out, long index) {
            if (index == 0) {
                out.append("'_");
                return;
            }
            long depthIndex = boundLifetimes - index;
            if (depthIndex < 0) throw new Invalid();
            out.append('\'').append(depthIndex < 26 ? String.valueOf((char) ('a' + depthIndex)) : "_" + depthIndex);
        }

        void binder(StringBuilder out) {
            if (!eat('G')) return;
            long n = base62() + 1;
            out.append("for<");
            for (long i = 0; i < n; i++) {
                if (i > 0) out.append(", ");
                boundLifetimes++;
                lifetime(out, 1);
            }
            out.append("> ");
        }

        static String basic(char c) {
            return switch (c) {
                case 'a' -> "i8";
                case 'b' -> "bool";
                case 'c' -> "char";
                case 'd' -> "f64";
                case 'e' -> "str";
                case 'f' -> "f32";
                case 'h' -> "u8";
                case 'i' -> "isize";
                case 'j' -> "usize";
                case 'l' -> "i32";
                case 'm' -> "u32";
                case 'n' -> "i128";
                case 'o' -> "u128";
                case 's' -> "i16";
                case 't' -> "u16";
                case 'u' -> "()";
                case 'v' -> "...";
                case 'x' -> "i64";
                case 'y' -> "u64";
                case 'z' -> "!";
                case 'p' -> "_";
                default -> null;
            };
        }

        void type(StringBuilder out) {
            enter();
            char c = peek();
            String b = basic(c);
            if (b != null) {
                pos++;
                out.append(b);
                depth--;
                return;
            }
            switch (c) {
                case 'R', 'Q' -> {
                    pos++;
                    out.append('&');
                    if (eat('L')) {
                        long lt = base62();
                        if (lt != 0) {
                            lifetime(out, lt);
                            out.append(' ');
                        }
                    }
                    if (c == 'Q') out.append("mut ");
                    type(out);
                }
                case 'P', 'O' -> {
                    pos++;
                    out.append(c == 'P' ? "*const " : "*mut ");
                    type(out);
                }
                case 'A', 'S' -> {
                    pos++;
                    out.append('[');
                    type(out);
                    if (c == 'A') {
                        out.append("; ");
                        constant(out, false);
                    }
                    out.append(']');
                }
                case 'T' -> {
                    pos++;
                    out.append('(');
                    if (sequence(out, ", ", this::type) == 1) out.append(',');
                    out.append(')');
                }
                case 'F' -> {
                    pos++;
                    int saved = boundLifetimes;
                    binder(out);
                    if (eat('U')) out.append("unsafe ");
                    if (eat('K')) {
                        String abi = eat('C') ? "C" : identifier().replace('_', '-');
                        out.append("extern \"").append(abi).append("\" ");
                    }
                    out.append("fn(");
                    sequence(out, ", ", this::type);
                    out.append(')');
                    if (peek() == 'u') {
                        pos++;
                    } else {
                        out.append(" -> ");
                        type(out);
                    }
                    boundLifetimes = saved;
                }
                case 'D' -> {
                    pos++;
                    out.append("dyn ");
                    int saved = boundLifetimes;
                    binder(out);
                    sequence(out, " + ", this::dynTrait);
                    boundLifetimes = saved;
                    if (!eat('L')) throw new Invalid();
                    long lt = base62();
                    if (lt != 0) {
                        out.append(" + ");
                        lifetime(out, lt);
                    }
                }
                case 'W' -> {
                    pos++;
                    type(out);
                    out.append(" is ");
                    pattern(out);
                }
                case 'B' -> {
                    pos++;
                    backref().type(out);
                }
                default -> path(out, false);
            }
            depth--;
        }

        /** A pattern type's pattern: a range "R" start end, or "O" alternatives "E". */
        void pattern(StringBuilder out) {
            if (eat('R')) {
                constant(out, false);
                out.append("..=");
                constant(out, false);
            } else if (eat('O')) {
                sequence(out, " | ", this::pattern);
            } else {
                throw new Invalid();
            }
        }

        /** A trait in a dyn type, with its generic arguments and associated-type bindings in one <…>. */
        void dynTrait(StringBuilder out) {
            boolean open = pathMaybeOpenGenerics(out);
            while (eat('p')) {
                out.append(open ? ", " : "<");
                open = true;
                out.append(identifier()).append(" = ");
                type(out);
            }
            if (open) out.append('>');
        }

        /** Prints a path in type position, leaving its generic argument list open; true if it opened one. */
        boolean pathMaybeOpenGenerics(StringBuilder out) {
            if (peek() == 'B') {
                pos++;
                Parser q = backref();
                boolean open = q.pathMaybeOpenGenerics(out);
                return open;
            }
            if (eat('I')) {
                path(out, false);
                out.append('<');
                genericArgs(out);
                return true;
            }
            path(out, false);
            return false;
        }

        void constant(StringBuilder out, boolean topLevel) {
            enter();
            char c = next();
            switch (c) {
                case 'p' -> out.append('_');
                case 'B' -> backref().constant(out, topLevel);
                case 'h', 't', 'm', 'y', 'o', 'j' -> out.append(unsigned(hexDigits()));
                case 'a', 's', 'l', 'x', 'n', 'i' -> {
                    boolean negative = eat('n');
                    out.append(negative ? "-" : "").append(unsigned(hexDigits()));
                }
                case 'b' -> {
                    String h = hexDigits();
                    if (h.equals("0")) out.append("false");
                    else if (h.equals("1")) out.append("true");
                    else throw new Invalid();
                }
                case 'c' -> out.append(charLiteral(Integer.parseInt(hexDigits(), 16)));
                case 'e' -> {
                    String str = strLiteral(hexDigits());
                    out.append(topLevel ? "{*" + str + "}" : "*" + str);
                }
                case 'R', 'Q' -> {
                    StringBuilder inner = new StringBuilder();
                    if (c == 'R' && peek() == 'e') {
                        pos++;
                        inner.append(strLiteral(hexDigits()));
                    } else {
                        inner.append(c == 'R' ? "&" : "&mut ");
                        constant(inner, false);
                    }
                    out.append(topLevel && !(c == 'R' && inner.charAt(0) == '"') ? "{" + inner + "}" : inner);
                }
                case 'A' -> {
                    StringBuilder inner = new StringBuilder("[");
                    sequence(inner, ", ", this::innerConstant);
                    inner.append(']');
                    out.append(topLevel ? "{" + inner + "}" : inner);
                }
                case 'T' -> {
                    StringBuilder inner = new StringBuilder("(");
                    if (sequence(inner, ", ", this::innerConstant) == 1) inner.append(',');
                    inner.append(')');
                    out.append(topLevel ? "{" + inner + "}" : inner);
                }
                case 'V' -> {
                    StringBuilder inner = new StringBuilder();
                    path(inner, true);
                    char kind = next();
                    if (kind == 'T') {
                        inner.append('(');
                        sequence(inner, ", ", this::innerConstant);
                        inner.append(')');
                    } else if (kind == 'S') {
                        inner.append(" { ");
                        sequence(inner, ", ", field -> {
                            disambiguator();
                            field.append(identifier()).append(": ");
                            constant(field, false);
                        });
                        inner.append(" }");
                    } else if (kind != 'U') {
                        throw new Invalid();
                    }
                    out.append(topLevel ? "{" + inner + "}" : inner);
                }
                default -> throw new Invalid();
            }
            depth--;
        }

        /** Items up to "E", separated; returns how many there were. */
        int sequence(StringBuilder out, String separator, java.util.function.Consumer<StringBuilder> item) {
            int n = 0;
            while (!eat('E')) {
                if (n++ > 0) out.append(separator);
                item.accept(out);
            }
            return n;
        }

        void innerConstant(StringBuilder out) {
            constant(out, false);
        }

        String hexDigits() {
            int start = pos;
            while (peek() != '_') {
                char c = next();
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) throw new Invalid();
            }
            String h = s.substring(start, pos);
            pos++;
            return h.isEmpty() ? "0" : h;
        }

        static String unsigned(String hex) {
            if (hex.length() > 16) return "0x" + hex;
            return Long.toUnsignedString(Long.parseUnsignedLong(hex, 16));
        }

        static String charLiteral(int cp) {
            if (cp == '\'') return "'\\''";
            if (cp == '"') return "'\"'";
            return "'" + escape(cp) + "'";
        }

        static String strLiteral(String hex) {
            if (hex.equals("0")) hex = "";
            if (hex.length() % 2 != 0) throw new Invalid();
            byte[] bytes = new byte[hex.length() / 2];
            for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
            String str = new String(bytes, StandardCharsets.UTF_8);
            StringBuilder sb = new StringBuilder("\"");
            str.codePoints().forEach(cp -> sb.append(cp == '"' ? "\\\"" : cp == '\'' ? "'" : escape(cp)));
            return sb.append('"').toString();
        }

        static String escape(int cp) {
            return switch (cp) {
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\\' -> "\\\\";
                default -> cp < 0x20 || cp == 0x7f ? String.format(Locale.ROOT, "\\u{%x}", cp) : new String(Character.toChars(cp));
            };
        }
    }
}
