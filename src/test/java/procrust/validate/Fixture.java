package procrust.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import procrust.config.CheckResult;
import procrust.config.Config;
import procrust.diag.Code;
import procrust.diag.Diagnostic;

/** Writes TOML text to a temporary file and checks it. */
final class Fixture {

    static final String HEADER = "uid = \"550e8400-e29b-41d4-a716-446655440000\"\nfile_format = \"0\"\n";

    private Fixture() {
    }

    /** Checks {@code toml} exactly as given. */
    static CheckResult raw(String toml) {
        try {
            Path f = Files.createTempFile("procrust-test", ".toml");
            try {
                Files.writeString(f, toml, StandardCharsets.UTF_8);
                return ConfigChecker.check(f);
            } finally {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks the header (lines 1-2) followed by {@code body} (which so starts at line 3). */
    static CheckResult check(String body) {
        return raw(HEADER + body);
    }

    /** The body must be valid without any diagnostic; returns the config. */
    static Config valid(String body) {
        CheckResult r = check(body);
        assertTrue(r.valid(), () -> "expected valid, got " + r.diagnostics());
        assertEquals(List.of(), r.diagnostics());
        return r.config();
    }

    /** The only diagnostic (error or warning) of the body. */
    static Diagnostic only(String body) {
        CheckResult r = check(body);
        assertEquals(1, r.diagnostics().size(), () -> "expected one diagnostic, got " + r.diagnostics());
        return r.diagnostics().get(0);
    }

    /** Asserts the only diagnostic has this code, line and column, and returns it. */
    static Diagnostic expect(String body, Code code, int line, int column) {
        Diagnostic d = only(body);
        assertEquals(code, d.code(), d::toString);
        assertEquals(line, d.line(), d::toString);
        assertEquals(column, d.column(), d::toString);
        return d;
    }

    /** A minimal valid process entry with these extra lines. */
    static String process(String id, String... extra) {
        StringBuilder sb = new StringBuilder("[[process]]\nid = \"").append(id)
                .append("\"\ncommand = \"sleep 100\"\napply_on = \"2024-10-01T12:00:00\"\n");
        for (String e : extra) {
            sb.append(e).append('\n');
        }
        return sb.toString();
    }
}
