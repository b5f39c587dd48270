package procrust.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import procrust.diag.Code;
import procrust.diag.Diagnostic;
import procrust.config.CheckResult;
import procrust.validate.ConfigChecker;

/**
 * Ids, keys, commands and paths written to escape (SPEC §2, §5): each is refused with one diagnostic line,
 * the output of {@code procrust check} stays one line per diagnostic whatever the values hold (no
 * newline, carriage return or terminal escape reaches the screen), and nothing is echoed raw.
 */
class HostileInputTest {

    static final String HEADER = "uid = \"550e8400-e29b-41d4-a716-446655440000\"\nfile_format = \"0\"\n";

    @TempDir
    Path dir;

    /** TOML basic-string spellings of ids that must all be refused. */
    @ParameterizedTest
    @ValueSource(strings = {"..", ".", "../x", "a/b", "/etc/passwd", "x\\u0000y", "a\\nb", "a\\rb", "a\\tb",
            "\\u001b[2J\\u001b[31mred", "a\\u2028b", "a\\u0085b", "w\\u0435b" /* Cyrillic e */, "\\u202Eexe.txt",
            " lead", "-flag", "_x", "", "caf\\u00e9", "ａ" /* fullwidth a */})
    void escapingIdsAreRefusedOnOneLine(String tomlId) throws IOException {
        List<String> lines = checkText(HEADER + process(tomlId));
        CheckResult r = ConfigChecker.check(write(HEADER + process(tomlId)));
        assertFalse(r.valid(), () -> "id \"" + tomlId + "\" was accepted");
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.code() == Code.INVALID_VALUE && "id".equals(d.field())),
                r.diagnostics()::toString);
        assertEquals(r.diagnostics().size() + 1, lines.size(), () -> String.join("\n", lines));
        lines.forEach(HostileInputTest::assertPrintable);
    }

    @Test
    void veryLongIdIsRefusedOnOneLine() throws IOException {
        String id = "a".repeat(100_000);
        CheckResult r = ConfigChecker.check(write(HEADER + process(id)));
        assertFalse(r.valid());
        List<String> lines = checkText(HEADER + process(id));
        assertEquals(r.diagnostics().size() + 1, lines.size());
    }

    @Test
    void controlCharactersInKeysDependenciesZonesAndDatesStayOnOneLine() throws IOException {
        String text = "uid = \"550e8400-e29b-41d4-a716-446655440000\\n\"\nfile_format = \"0\\r\\n\"\n"
                + "timezone = \"Europe/\\u001b]0;owned\\u0007\"\n"
                + "\"bad\\nkey\" = 1\n"
                + "[[process]]\nid = \"ok\"\ncommand = \"true\"\napply_on = \"2024-01-01\\nT00:00:00\"\n"
                + "depends_on = [\"zz\\r\\nerror: forged line\"]\n"
                + "env = { \"A\\nB\" = \"1\" }\n"
                + "[process.schedule]\nweek_days = [\"mon\\n\"]\nstart_time = \"08:00\\u0000\"\n"
                + "[process.restart]\npolicy = \"\\u009b31m\"\n";
        CheckResult r = ConfigChecker.check(write(text));
        assertFalse(r.valid());
        for (Diagnostic d : r.diagnostics()) {
            assertPrintable(d.message());
            if (d.process() != null) {
                assertPrintable(d.process());
            }
            if (d.field() != null) {
                assertPrintable(d.field());
            }
        }
        List<String> lines = checkText(text);
        assertEquals(r.diagnostics().size() + 1, lines.size(), () -> String.join("\n", lines));
        lines.forEach(HostileInputTest::assertPrintable);
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("error: forged line")), lines::toString);
    }

    @Test
    void aConfigPathWithANewlineStaysOnOneLine() throws IOException {
        Path f = dir.resolve("evil\nname.toml");
        Files.writeString(f, "not toml at all = = =");
        List<String> lines = run("check", "-c", f.toString());
        assertEquals(2, lines.size(), lines::toString);
        lines.forEach(HostileInputTest::assertPrintable);
    }

    static String process(String tomlId) {
        return "[[process]]\nid = \"" + tomlId + "\"\ncommand = \"true\"\napply_on = \"2024-01-01T00:00:00\"\n";
    }

    Path write(String text) throws IOException {
        Path f = dir.resolve("procrust.toml");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    List<String> checkText(String text) throws IOException {
        return run("check", "--no-color", "-c", write(text).toString());
    }

    static List<String> run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                args);
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        // split on every line terminator a terminal or an editor honours
        return List.of(out.toString(StandardCharsets.UTF_8).split("\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]", -1))
                .stream().filter(l -> !l.isEmpty()).toList();
    }

    static void assertPrintable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                    || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')
                    || Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1)));
            if (Character.isHighSurrogate(c) && !bad) {
                i++;
            }
            assertFalse(bad, () -> String.format("unprintable U+%04X in: %s", (int) c, s.replaceAll("\\p{Cntrl}", "?")));
        }
    }
}
