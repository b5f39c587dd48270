package procrust.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * env_file through dotenv-java: the forms operators write (double quotes are removed, single quotes
 * kept as written: the library's rule), later files win, and no value in any error.
 */
class EnvFilesTest {

    @TempDir
    Path tmp;

    @Test
    void formsAndOrder() throws IOException {
        Path a = Files.writeString(tmp.resolve("a.env"), "# comment\nA=1\nB=\"two words\"\nC='x y' # note\nD=a=b\n\nE=\n");
        Path b = Files.writeString(tmp.resolve("b"), "A=from-b\n");
        Map<String, String> env = EnvFiles.read(List.of(a, b));
        assertEquals(Map.of("A", "from-b", "B", "two words", "C", "'x y'", "D", "a=b", "E", ""), env);
    }

    @Test
    void problemsNameTheFileAndLineButNoValue() throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad.env"), "OK=1\nthis is s3cr3t-value\n");
        IOException e = assertThrows(IOException.class, () -> EnvFiles.read(List.of(bad)));
        assertTrue(e.getMessage().contains(bad + ": line 2 is not a KEY=VALUE line"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
        IOException missing = assertThrows(IOException.class, () -> EnvFiles.read(List.of(tmp.resolve("nope.env"))));
        assertTrue(missing.getMessage().endsWith("nope.env does not exist"), missing.getMessage());
        IOException dir = assertThrows(IOException.class, () -> EnvFiles.read(List.of(tmp)));
        assertTrue(dir.getMessage().contains("is not a regular file"), dir.getMessage());
    }
}
