package procrust.migrate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;
import procrust.config.Config;
import procrust.config.ProcessSpec;
import procrust.config.CheckResult;
import procrust.validate.ConfigChecker;

/** Test helper: imports a fixture, writes it, and reads the result back with the real checker. */
final class Imported {

    final Draft draft;
    final String text;
    final Config config;

    private Imported(Draft draft, String text, Config config) {
        this.draft = draft;
        this.text = text;
        this.config = config;
    }

    static Path fixture(String name) {
        try {
            return Path.of(Imported.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Imported of(Importer.Format format, Path file, Map<String, String> env, Path tmp) throws Exception {
        Draft d = Importer.read(format, file, env);
        String text = TomlText.write(d, UUID.randomUUID(), LocalDateTime.of(2026, 1, 2, 3, 4, 5), "schema.json");
        return new Imported(d, text, checked(text, tmp));
    }

    static Config checked(String text, Path tmp) throws IOException {
        Path f = Files.createTempFile(tmp, "imported", ".toml");
        Files.writeString(f, text);
        CheckResult r = ConfigChecker.check(f);
        assertTrue(r.valid(), () -> "passes check: " + r.diagnostics() + "\n" + text);
        return r.config();
    }

    ProcessSpec process(String id) {
        return config.processes().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no process " + id + " in\n" + text));
    }

    /** The {@code # procrust import:} comments of the text. */
    long comments() {
        return text.lines().filter(l -> l.startsWith("# procrust import: ")).count();
    }
}
