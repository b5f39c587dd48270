package procrust.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code procrust check}: text, JSON and GitHub outputs, exit statuses, option placement. */
class CheckCommandTest {

    private static final String CYCLE = "src/test/resources/invalid/dependency_cycle.toml";
    private static final String WARN = "src/test/resources/warnings/duplicate_week_day.toml";
    private static final String VALID = "src/test/resources/seed/future_version.toml";

    @Test
    void validFileExitsZeroWithASummary() {
        CliRun r = CliRun.of("check", "-c", VALID);
        assertEquals(0, r.exit(), r::toString);
        assertEquals(VALID + ": valid, 2 process entries\n", r.out());
        assertEquals("", r.err());
    }

    @Test
    void textLinesAreFileLineColumnSeverityCodeMessage() {
        CliRun r = CliRun.of("check", "-c", CYCLE);
        assertEquals(1, r.exit(), r::toString);
        List<String> lines = r.out().lines().toList();
        assertEquals(CYCLE + ":8:15: error[dependency-cycle]: dependency cycle from 2024-10-01T12:00:00: "
                + "a -> b -> c -> a (none of them could ever start): remove one of these depends_on (process \"a\")",
                lines.get(0));
        assertEquals(CYCLE + ": invalid: 1 error", lines.get(1));
    }

    @Test
    void warningsAloneExitZero() {
        CliRun r = CliRun.of("check", "-c", WARN);
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().startsWith(WARN + ":10:32: warning[duplicate-week-day]: "), r::toString);
        assertTrue(r.out().endsWith(": valid, 1 process entry, 1 warning\n"), r::toString);
    }

    @Test
    void jsonIsTheSpecDocument() throws Exception {
        CliRun r = CliRun.of("--output", "json", "check", "-c", WARN);
        assertEquals(0, r.exit(), r::toString);
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertTrue(j.get("valid").asBoolean());
        assertEquals(List.of("valid", "diagnostics"), iterable(j.fieldNames()));
        JsonNode d = j.get("diagnostics").get(0);
        assertEquals(List.of("severity", "code", "message", "file", "line", "column", "process", "field"),
                iterable(d.fieldNames()));
        assertEquals("warning", d.get("severity").asText());
        assertEquals("duplicate-week-day", d.get("code").asText());
        assertEquals(WARN, d.get("file").asText());
        assertEquals(10, d.get("line").asInt());
        assertEquals(32, d.get("column").asInt());
        assertEquals("web", d.get("process").asText());
        assertEquals("schedule.week_days", d.get("field").asText());
    }

    @Test
    void jsonOfAFileProblemHasNullProcessAndField() throws Exception {
        CliRun r = CliRun.of("check", "-c", "does/not/exist.toml", "--output", "json");
        assertEquals(1, r.exit(), r::toString);
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertFalse(j.get("valid").asBoolean());
        JsonNode d = j.get("diagnostics").get(0);
        assertEquals("file-unreadable", d.get("code").asText());
        assertTrue(d.get("process").isNull());
        assertTrue(d.get("field").isNull());
    }

    @Test
    void githubAnnotations() {
        CliRun r = CliRun.of("check", "--output", "github", "-c", CYCLE);
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.out().startsWith("::error file=" + CYCLE + ",line=8,col=15,title=procrust dependency-cycle::"
                + "dependency cycle from 2024-10-01T12:00:00: a -> b -> c -> a"), r::toString);
    }

    @Test
    void githubEscapesNewlinesAndPercent(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("p%1,x.toml");
        Files.writeString(f, "uid = \"550e8400-e29b-41d4-a716-446655440000\"\nfile_format = \"0\"\n"
                + "[[process]]\nid = \"a\"\ncommand = \"x\"\napply_on = \"2024\\n100%\"\n");
        CliRun r = CliRun.of("check", "--output", "github", "-c", f.toString());
        String first = r.out().lines().findFirst().orElseThrow();
        assertTrue(first.contains("p%251%2Cx.toml,line=6"), first);
        // the message already shows the newline as \n (diagnostics escape control characters), and the
        // annotation escapes the percent sign: one annotation on one line
        assertTrue(first.contains("2024\\n100%25"), first);
        assertEquals(1, r.out().lines().filter(l -> l.startsWith("::")).count(), r::toString);
    }

    @Test
    void unknownOutputIsAUsageError() {
        CliRun r = CliRun.of("check", "-c", VALID, "--output", "yaml");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("--output"), r::toString);
    }

    @Test
    void missingFileSaysHowToCreateOne(@TempDir Path dir) {
        CliRun r = CliRun.of("check", "-c", dir.resolve("procrust.toml").toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("no such file: create one with `procrust init`"), r::toString);
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
