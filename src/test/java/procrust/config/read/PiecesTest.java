package procrust.config.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import procrust.config.raw.RawConfig;

/** A large file read in pieces gives exactly what one parse of the whole text gives. */
class PiecesTest {

    private static final String HEADER = "uid = \"550e8400-e29b-41d4-a716-446655440000\"\nfile_format = \"0\"\n"
            + "timezone = \"UTC\"\n\n";

    /** Varied entries: sub-tables, inline tables, literals, comments, a typo and a bad value. */
    private static String big(int n) {
        StringBuilder sb = new StringBuilder(HEADER);
        for (int i = 0; i < n; i++) {
            sb.append("# entry ").append(i).append("\n[[process]]\nid = \"p").append(i).append("\"\n")
                    .append("command = '''\nsleep ").append(i).append("\n'''\n")
                    .append(i % 3 == 0 ? "apply_on = 2024-10-01T12:00:00\n" : "apply_on = \"2024-10-01T12:00:00+02:00\"\n");
            if (i > 0) {
                sb.append("depends_on = [\"p").append(i - 1).append("\"]\n");
            }
            if (i % 5 == 0) {
                sb.append("[process.schedule]\nstart_time = 08:00:00\nweek_days = \"mon-fri\"\n");
            }
            if (i % 7 == 0) {
                sb.append("start_health_check = { command = \"true\", timeout = { secs = 3, nanos = 0 } }\n");
            }
            if (i == n / 2) {
                sb.append("dependz_on = []\nstop_timeout = \"soon\"\n");
            }
        }
        return sb.toString();
    }

    private static String read(String text, boolean inPieces) {
        Sink sink = new Sink("f.toml");
        RawConfig raw = ConfigReader.parse(new SourceText(text), sink, inPieces);
        assertNotNull(raw);
        return raw + "\n" + sink.diagnostics();
    }

    @Test
    void piecesGiveTheSameRawConfigAndDiagnostics() {
        String text = big(1_000);
        assertTrue(text.length() > TomlChunks.MIN_LENGTH);
        assertFalse(somePieceUnusable(text));
        assertSame(read(text, false), read(text, true));
    }

    /** Equal, or a failure that shows the first difference rather than two huge strings. */
    private static void assertSame(String whole, String pieces) {
        int i = 0;
        while (i < Math.min(whole.length(), pieces.length()) && whole.charAt(i) == pieces.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 200);
        assertEquals(whole.substring(from, Math.min(whole.length(), i + 100)),
                pieces.substring(from, Math.min(pieces.length(), i + 100)));
    }

    @Test
    void aHeaderInsideAMultiLineStringFallsBackToOneParse() {
        // 1,023 entries, then "x", then the header inside its command: the 1,025th header, where a piece starts
        String text = big(1_023) + "[[process]]\nid = \"x\"\napply_on = \"2024-10-01T12:00:00\"\ncommand = \"\"\"\n"
                + "[[process]]\n\"\"\"\n" + big(10).substring(HEADER.length());
        assertTrue(somePieceUnusable(text));
        assertSame(read(text, false), read(text, true));
    }

    private static boolean somePieceUnusable(String text) {
        var bounds = TomlChunks.split(text);
        assertNotNull(bounds);
        for (int i = 0; i < bounds.size(); i++) {
            if (TomlChunks.parse(text, bounds.get(i), i == 0) == null) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aTableAfterTheProcessesFallsBackToOneParse() {
        String text = big(1_000) + "[extra]\nkey = 1\n";
        assertTrue(somePieceUnusable(text));
        assertSame(read(text, false), read(text, true));
    }

    @Test
    void syntaxErrorsComeFromTheWholeText() {
        String text = big(1_000) + "[[process]]\nid = \"unterminated\n";
        Sink sink = new Sink("f.toml");
        assertNull(ConfigReader.parse(new SourceText(text), sink, true));
        assertEquals(text.split("\n").length, sink.diagnostics().get(0).line());
    }
}
