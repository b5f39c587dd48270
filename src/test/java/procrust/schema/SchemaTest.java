package procrust.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;
import procrust.validate.ConfigChecker;
import procrust.validate.Expectations;

/**
 * {@code schema/procrust.schema.json} against the Java validation, with a real JSON Schema validator:
 * every example and valid file passes both; every invalid fixture marked {@code # schema: reject} is
 * rejected by both, and the others (problems a schema cannot express) pass the schema, so the marks
 * stay honest. TOML is turned into JSON the way editors do: date-times and times become strings.
 */
class SchemaTest {

    private static final Path SCHEMA = Path.of("schema/procrust.schema.json");
    private static JsonSchema schema;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = Files.newInputStream(SCHEMA)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
    }

    static Set<ValidationMessage> validate(Path toml) throws IOException {
        TomlParseResult r = Toml.parse(toml);
        assertFalse(r.hasErrors(), () -> toml + ": " + r.errors());
        JsonNode json = new ObjectMapper().readTree(r.toJson());
        return schema.validate(json);
    }

    static Stream<Path> validFiles() throws IOException {
        List<Path> files = new java.util.ArrayList<>();
        for (String dir : List.of("examples", "src/test/resources/seed", "src/test/resources/warnings")) {
            try (Stream<Path> s = Files.list(Path.of(dir))) {
                s.filter(p -> p.toString().endsWith(".toml")).sorted().forEach(files::add);
            }
        }
        // the seed's first example is invalid on purpose (an empty [[process]])
        files.removeIf(p -> p.getFileName().toString().equals("example1_doubled_process.toml"));
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validFiles")
    void validFilesPassTheSchema(Path file) throws IOException {
        assertEquals(Set.of(), validate(file));
    }

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("examples"))) {
            return s.filter(p -> p.toString().endsWith(".toml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void examplesPointEditorsAtTheSchemaAndAreValid(Path file) throws IOException {
        String first = Files.readAllLines(file).get(0);
        assertEquals("#:schema ../schema/procrust.schema.json", first);
        assertTrue(Files.isRegularFile(file.getParent().resolve("../schema/procrust.schema.json")));
        var result = ConfigChecker.check(file);
        assertTrue(result.valid(), result.diagnostics()::toString);
        assertEquals(List.of(), result.diagnostics());
    }

    static Stream<Expectations> invalid() {
        return Expectations.in("invalid").stream()
                .filter(e -> !e.file().getFileName().toString().equals("toml_syntax.toml"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidFixturesTheSchemaCanExpressAreRejectedByBoth(Expectations e) throws IOException {
        Set<ValidationMessage> messages = validate(e.file());
        assertFalse(ConfigChecker.check(e.file()).valid());
        if (e.schemaRejects()) {
            assertFalse(messages.isEmpty(), "the schema accepts " + e);
        } else {
            assertEquals(Set.of(), messages, "marked as beyond the schema, yet it rejects " + e);
        }
    }
}
