package dev.ctime.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schema's descriptions, read from the records' own Javadoc in the sources (the
 * {@code @param} of each component, the first sentence of the type), so that the documentation
 * is written once, beside the field it describes.
 */
final class JavadocDescriptions {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern TAG = Pattern.compile("(?m)^\\s*@(\\w+)\\s+");
    private final Map<Class<?>, Doc> docs = new ConcurrentHashMap<>();

    record Doc(String summary, Map<String, String> params) {
        static final Doc NONE = new Doc(null, Map.of());
    }

    /** The text of a record component's {@code @param}, or null. */
    String field(Class<?> type, String name) {
        return doc(type).params().get(name);
    }

    /** The first sentence of a type's Javadoc, or null. */
    String type(Class<?> type) {
        return doc(type).summary();
    }

    Doc doc(Class<?> type) {
        return docs.computeIfAbsent(type, JavadocDescriptions::read);
    }

    private static Doc read(Class<?> type) {
        Class<?> top = type;
        while (top.getEnclosingClass() != null) top = top.getEnclosingClass();
        if (!top.getPackageName().startsWith("dev.ctime")) return Doc.NONE;
        Path file = SOURCES.resolve(top.getName().replace('.', '/') + ".java");
        if (!Files.isRegularFile(file)) return Doc.NONE;
        String src;
        try {
            src = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The Javadoc block directly before the declaration, annotations allowed in between.
        Matcher m = Pattern.compile("/\\*\\*((?:(?!\\*/).)*?)\\*/\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*"
                + "(?:public\\s+|static\\s+|final\\s+|sealed\\s+|abstract\\s+)*(?:record|class|enum|interface)\\s+"
                + Pattern.quote(type.getSimpleName()) + "\\b", Pattern.DOTALL).matcher(src);
        if (!m.find()) return Doc.NONE;
        String body = m.group(1).replaceAll("(?m)^\\s*\\* ?", "").trim();
        Matcher tag = TAG.matcher(body);
        int first = tag.find() ? tag.start() : body.length();
        String summary = clean(body.substring(0, first));
        int dot = summary.indexOf(". ");
        if (dot > 0) summary = summary.substring(0, dot + 1);
        Map<String, String> params = new LinkedHashMap<>();
        tag.reset();
        int start = -1;
        String kind = null;
        while (true) {
            boolean found = tag.find();
            int end = found ? tag.start() : body.length();
            if (kind != null && kind.equals("param")) {
                String text = body.substring(start, end).trim();
                int sp = text.indexOf(' ');
                if (sp > 0) params.put(text.substring(0, sp), clean(text.substring(sp + 1)));
            }
            if (!found) break;
            kind = tag.group(1);
            start = tag.end();
        }
        return new Doc(summary.isEmpty() ? null : summary, params);
    }

    /** Javadoc markup to plain text: {@code x} to x, tags and runs of white space to one space. */
    static String clean(String s) {
        return s.replaceAll("\\{@(?:code|link|linkplain|literal)\\s+([^}]*)}", "$1").replaceAll("<[^>]+>", "")
                .replaceAll("\\s+", " ").trim();
    }
}
