package dev.ctime.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * The one JSON configuration behind everything ctime reads and writes: reports, baselines, the
 * history, fork plans and results, and the JSON of cargo, rustc and LLVM it parses. Unknown fields
 * are tolerated (later versions add fields, and so do cargo and rustc); absent values are left out.
 */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private Json() {
    }

    /** A record's fields by their JSON names (absent ones left out), to compare two runs' facts one by one. */
    @SuppressWarnings("unchecked")
    public static java.util.Map<String, Object> fields(Object value) {
        return value == null ? java.util.Map.of() : MAPPER.convertValue(value, java.util.Map.class);
    }

    /** For files people read: reports, baselines, the CI formats. */
    public static ObjectWriter pretty() {
        return MAPPER.writerWithDefaultPrettyPrinter();
    }

    /**
     * A record from its fields by name, checked: a name the record does not have is an error, not a silently
     * dropped value (the run fills its settings by name rather than by two dozen positions).
     */
    public static <T> T strict(java.util.Map<String, ?> byName, Class<T> type) {
        try {
            return MAPPER.readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue((com.fasterxml.jackson.databind.JsonNode) MAPPER.valueToTree(byName));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
