package dev.ctime.model;

import dev.ctime.store.ReportFiles;
import dev.ctime.store.Json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The published schema (in the jar, and so in the site) is the model's: generated from the
 * records, compared with the committed file, and real reports written by ctime validate against it.
 */
class ReportSchemaTest {
    static final Path SCHEMA = Path.of("src/main/resources/dev/ctime/report.schema.json");

    static JsonNode generate() {
        SchemaGeneratorConfigBuilder b = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(JacksonOption.FLATTENED_ENUMS_FROM_JSONVALUE, JacksonOption.RESPECT_JSONPROPERTY_REQUIRED))
                .with(Option.DEFINITIONS_FOR_ALL_OBJECTS, Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES);
        // What every report carries: primitives, and the names and statuses; everything else may be absent.
        java.util.function.Predicate<com.github.victools.jsonschema.generator.FieldScope> required = f ->
                f.getType().getErasedType().isPrimitive() || (f.getDeclaredName().equals("profiles")
                        && f.getDeclaringType().getErasedType() == Report.class) || (List.of("name", "status")
                        .contains(f.getDeclaredName()) && List.of(ProfileResult.class, KernelTiming.class)
                        .contains(f.getDeclaringType().getErasedType()));
        b.forFields().withRequiredCheck(required::test).withNullableCheck(f -> !required.test(f));
        JavadocDescriptions docs = new JavadocDescriptions();
        b.forFields().withDescriptionResolver(f -> docs.field(f.getDeclaringType().getErasedType(), f.getDeclaredName()));
        b.forTypesInGeneral().withDescriptionResolver(scope -> docs.type(scope.getType().getErasedType()));
        b.forTypesInGeneral().withTitleResolver(scope -> scope.getType().getErasedType() == Report.class
                ? "ctime report, schema " + Report.SCHEMA_VERSION : null);
        return new SchemaGenerator(b.build()).generateSchema(Report.class);
    }

    @Test
    void thePublishedSchemaIsTheModels() throws Exception {
        String generated = Json.pretty().writeValueAsString(generate()) + "\n";
        if (Boolean.getBoolean("ctime.schema.update")) Files.writeString(SCHEMA, generated);
        assertEquals(generated, Files.readString(SCHEMA), "the report model changed: regenerate " + SCHEMA
                + " with mvn test -pl plugin -Dtest=ReportSchemaTest -Dctime.schema.update=true, and raise Report.SCHEMA_VERSION"
                + " if a field changed meaning");
        JsonNode s = Json.MAPPER.readTree(generated);
        assertTrue(s.toString().contains("\"enzymePassMs\""), "the autodiff contract's field is in the schema");
        assertTrue(s.toString().contains("\"ok\",\"partial\",\"failed\",\"skipped\",\"incomplete\""), "statuses as written");
    }

    @Test
    void everyFieldIsDescribed() throws Exception {
        List<String> bare = new ArrayList<>();
        undescribed("", Json.MAPPER.readTree(Files.readString(SCHEMA)), bare);
        assertEquals(List.of(), bare, "write an @param for these record components: the schema's descriptions come from it");
    }

    /** Paths of properties without a description, e.g. "$defs/Applied/properties/env". */
    static void undescribed(String at, JsonNode node, List<String> out) {
        if (!node.isObject()) return;
        JsonNode props = node.get("properties");
        if (props != null) props.fields().forEachRemaining(e -> {
            if (!e.getValue().has("description")) out.add(at + "/properties/" + e.getKey());
        });
        node.fields().forEachRemaining(e -> undescribed(at + "/" + e.getKey(), e.getValue(), out));
    }

    @Test
    void realReportsValidate() throws Exception {
        JsonSchema schema = JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(SCHEMA));
        List<Path> reports = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/reports"))) {
            s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(reports::add);
        }
        assertFalse(reports.isEmpty());
        for (Path r : reports) {
            Set<ValidationMessage> errors = schema.validate(Json.MAPPER.readTree(r.toFile()));
            assertEquals(Set.of(), errors, r.toString());
            ReportFiles.readJson(r);
        }
        // And a report that breaks the contract does not.
        JsonNode bad = Json.MAPPER.readTree(reports.get(0).toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) bad.get("profiles").get(0)).put("status", "fine");
        assertFalse(schema.validate(bad).isEmpty(), "an unknown status is caught");
        JsonNode noVersion = Json.MAPPER.readTree(reports.get(0).toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) noVersion).remove("schemaVersion");
        assertFalse(schema.validate(noVersion).isEmpty(), "a report without its schema version is caught");
    }

    @Test
    void everyFieldOfARealReportSurvivesTheTypedModel() throws Exception {
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/reports"))) {
            for (Path r : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode written = Json.MAPPER.readTree(r.toFile());
                JsonNode again = Json.MAPPER.valueToTree(ReportFiles.readJson(r));
                List<String> lost = new ArrayList<>();
                differences("", written, again, lost);
                assertEquals(List.of(), lost, r + ": what the model does not hold would be lost on a merge or a rewrite");
            }
        }
    }

    /** Paths where two JSON trees differ, e.g. "profiles/0/analysis/empty". */
    static void differences(String at, JsonNode a, JsonNode b, List<String> out) {
        if (a.isObject() && b != null && b.isObject()) {
            java.util.Set<String> names = new java.util.TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                // Reports of schema 4 wrote Analysis.isEmpty() as "empty" by mistake: not data, and no longer written.
                if (n.equals("empty") && at.endsWith("/analysis")) continue;
                // The pointer to the schema is the file's, written beside the data by ReportFiles, not the report's.
                if (n.equals("$schema") && at.isEmpty()) continue;
                differences(at + "/" + n, a.get(n), b.get(n), out);
            }
        } else if (a != null && a.isArray() && b != null && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) differences(at + "/" + i, a.get(i), b.get(i), out);
        } else if (a == null || b == null || !(a.isNumber() && b.isNumber() ? a.asDouble() == b.asDouble() : a.equals(b))) {
            out.add(at + ": " + a + " -> " + b);
        }
    }
}
