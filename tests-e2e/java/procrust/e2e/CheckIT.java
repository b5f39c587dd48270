package procrust.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code bin/procrust check} as a black box: examples, invalid fixtures, machine output, odd files. */
class CheckIT {

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> s = Files.list(Procrust.root().resolve("examples"))) {
            return s.filter(p -> p.toString().endsWith(".toml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyExampleIsValid(Path example) throws Exception {
        String rel = Procrust.root().relativize(example).toString();
        Procrust.Result r = Procrust.run("check", "-c", rel);
        assertEquals(0, r.exit(), r::toString);
        assertEquals(rel + ": valid, ", r.out().substring(0, rel.length() + 9), r::toString);
        assertEquals("", r.err(), r::toString);
    }

    /** Each invalid fixture with the code and position of each diagnostic its header expects. */
    record Fixture(Path file, List<String> expected) {
        @Override
        public String toString() {
            return file.getFileName().toString();
        }
    }

    static Stream<Fixture> fixtures() throws IOException {
        List<Fixture> out = new ArrayList<>();
        for (String dir : List.of("invalid", "warnings")) {
            try (Stream<Path> s = Files.list(Procrust.root().resolve("src/test/resources").resolve(dir))) {
                for (Path p : s.filter(f -> f.toString().endsWith(".toml")).sorted().toList()) {
                    List<String> expected = Files.readAllLines(p).stream().filter(l -> l.startsWith("# expect: "))
                            .map(l -> l.substring(10).strip()).toList();
                    out.add(new Fixture(p, expected));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixtureGivesItsCodesAndLines(Fixture f) throws Exception {
        Procrust.Result r = Procrust.run("check", "-c", f.file().toString());
        boolean errors = f.file().getParent().getFileName().toString().equals("invalid");
        assertEquals(errors ? 1 : 0, r.exit(), r::toString);
        for (String e : f.expected()) {
            String code = e.substring(0, e.indexOf(' '));
            String where = e.substring(e.indexOf(' ') + 1);
            String severity = errors ? "error" : "warning";
            assertTrue(r.out().contains(f.file() + ":" + where + ": " + severity + "[" + code + "]: "),
                    () -> "expected " + e + "\n" + r);
        }
        assertFalse(r.out().contains("Exception") || r.err().contains("Exception"), r::toString);
    }

    @Test
    void jsonOutput() throws Exception {
        Procrust.Result r = Procrust.run("check", "-c", "src/test/resources/invalid/dependency_cycle.toml",
                "--output", "json");
        assertEquals(1, r.exit(), r::toString);
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertFalse(j.get("valid").asBoolean());
        assertEquals("dependency-cycle", j.get("diagnostics").get(0).get("code").asText());
        assertEquals(8, j.get("diagnostics").get(0).get("line").asInt());
    }

    @Test
    void githubOutputAndOptionsBeforeTheCommand() throws Exception {
        Procrust.Result r = Procrust.run("--output", "github", "-c", "src/test/resources/invalid/bad_id.toml", "check");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.out().startsWith("::error file=src/test/resources/invalid/bad_id.toml,line=7,col=1,"), r::toString);
    }

    @Test
    void worksFromAnyDirectoryAndReadsProcrustConfig(@TempDir Path dir) throws Exception {
        Path example = Procrust.root().resolve("examples/quickstart.toml");
        Procrust.Result r = Procrust.run(dir, Map.of("PROCRUST_CONFIG", example.toString()), Duration.ofSeconds(60),
                "check");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().startsWith(example + ": valid"), r::toString);
        Procrust.Result missing = Procrust.run(dir, Map.of(), Duration.ofSeconds(60), "check");
        assertEquals(1, missing.exit(), missing::toString);
        assertTrue(missing.out().startsWith("procrust.toml: error[file-unreadable]: no such file"), missing::toString);
    }

    @Test
    void oddFilesGetOneClearLine(@TempDir Path dir) throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.toml"));
        Path binary = dir.resolve("binary.toml");
        byte[] bytes = new byte[4096];
        new java.util.Random(42).nextBytes(bytes);
        bytes[0] = (byte) 0xff;
        Files.write(binary, bytes);
        Path deep = dir.resolve("deep.toml");
        Files.writeString(deep, "a = " + "[".repeat(50_000) + "]".repeat(50_000) + "\n");
        Path unreadable = Files.writeString(dir.resolve("unreadable.toml"), "uid = 1\n");
        unreadable.toFile().setReadable(false, false);
        for (Path p : List.of(empty, binary, deep, dir)) {
            Procrust.Result r = Procrust.run("check", "-c", p.toString());
            assertEquals(1, r.exit(), r::toString);
            assertEquals(2, r.out().lines().count(), r::toString);
            assertTrue(r.out().startsWith(p + ":"), r::toString);
            assertFalse(r.out().contains("Exception") || r.err().contains("Exception"), r::toString);
        }
        Procrust.Result r = Procrust.run("check", "-c", unreadable.toString());
        assertEquals(1, r.exit(), r::toString);
        // as root the file is readable anyway; as anyone else it is reported
        assertTrue(r.out().contains("permission denied") || r.out().contains("error["), r::toString);
    }

    @Test
    void stackTraceOnlyWithVerbose() throws Exception {
        Procrust.Result r = Procrust.run("check", "-c", "src/test/resources/toml-test/invalid/string/bad-uni-esc-01.toml");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.out().contains(":1:"), r::toString);
        assertFalse(r.out().contains("\tat ") || r.err().contains("\tat "), r::toString);
    }
}
