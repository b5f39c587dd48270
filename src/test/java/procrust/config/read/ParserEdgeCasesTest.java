package procrust.config.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import procrust.diag.Code;
import procrust.diag.Diagnostic;
import procrust.validate.CheckResult;
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
}
