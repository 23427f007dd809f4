package dev.ctime.model;

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
}
