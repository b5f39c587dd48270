package procrust.config.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import procrust.diag.Code;
import procrust.diag.Diagnostic;
import procrust.config.CheckResult;
import procrust.validate.ConfigChecker;

/**
 * Broken TOML found by fuzzing and the toml-test corpus: each is a toml-syntax error at a line, whether
 * or not the JVM runs with assertions enabled (tomlj asserts on bad unicode escapes; surefire enables
 * assertions, so these run in that mode).
 */
class ParserEdgeCasesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
            "k = \"val\\ue\"\n",            // toml-test string/bad-uni-esc-01
            "k = \"\\u00\"\n",
            "k = \"\\uD800\"\n",            // a surrogate is no scalar value
            "k = \"\\U00110000\"\n",        // beyond U+10FFFF
            "k = \"\"\"\\uabag\"\"\"\n",    // string/bad-uni-esc-ml-07
            "\f",                           // control/only-ff: not blank in TOML, a syntax error
            "\u000b",                       // control/only-vt
            "\n\f\n",
            "foo = 1997-09-09T09:09:09.09+09]\n", // found by fuzzing: tomlj threw NullPointerException
    })
    void brokenTomlIsASyntaxErrorAtALine(String text) throws IOException {
        Path f = dir.resolve("procrust.toml");
        Files.writeString(f, text);
        CheckResult r = ConfigChecker.check(f);
        assertFalse(r.valid());
        Diagnostic d = r.diagnostics().get(0);
        assertEquals(Code.TOML_SYNTAX, d.code(), d::toString);
        assertFalse(d.line() < 1, d::toString);
    }

    @Test
    void aParserCrashIsReportedAtTheLineThatCausesIt() throws IOException {
        Path f = dir.resolve("procrust.toml");
        Files.writeString(f, "uid = \"550e8400-e29b-41d4-a716-446655440000\"\nfile_format = \"0\"\n\n"
                + "[[process]]\nid = \"a\"\napply_on = 2024-09-09T09:09:09.09+09]\ncommand = \"x\"\n");
        CheckResult r = ConfigChecker.check(f);
        assertEquals(1, r.diagnostics().size(), r.diagnostics()::toString);
        Diagnostic d = r.diagnostics().get(0);
        assertEquals(Code.TOML_SYNTAX, d.code());
        assertEquals(6, d.line(), d::toString);
    }
}
