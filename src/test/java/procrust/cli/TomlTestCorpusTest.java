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
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code procrust check} on the 499 invalid documents of the public toml-test suite (TOML 1.0.0):
 * each one exit 1 with an error that names the file and a line, and nothing that looks like a stack
 * trace. Run in-process through {@link Main#run} (the same code path as the command line, without
 * 499 JVM starts).
 */
class TomlTestCorpusTest {

    private static final Path CORPUS = Path.of("src/test/resources/toml-test/invalid");

    static List<Path> files() throws IOException {
        try (Stream<Path> s = Files.walk(CORPUS)) {
            return s.filter(p -> p.toString().endsWith(".toml")).sorted().toList();
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES) // a hang guard, not a speed target
    void everyInvalidDocumentIsRejectedWithALine() throws IOException {
        List<Path> files = files();
        assertEquals(499, files.size());
        for (Path f : files) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), "check", "-c", f.toString());
            String o = out.toString(StandardCharsets.UTF_8);
            String e = err.toString(StandardCharsets.UTF_8);
            String all = f + "\n" + o + e;
            assertEquals(1, exit, all);
            assertTrue(Pattern.compile("(?m)^" + Pattern.quote(f.toString()) + ":\\d+:\\d+: error\\[").matcher(o).find(), all);
            assertFalse(o.contains("Exception") || e.contains("Exception") || o.contains("\tat ") || e.contains("\tat "), all);
        }
    }
}
