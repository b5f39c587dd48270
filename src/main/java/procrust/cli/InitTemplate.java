package procrust.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

/**
 * The starter file of {@code procrust init}: the template {@code starter.toml} beside this class
 * with a fresh uid. Created 0644 whatever the umask: a config file writable by group or others would
 * be refused when procrust runs as root.
 */
final class InitTemplate {

    private InitTemplate() {
    }

    /** The starter text with this uid. */
    static String text(String uid) {
        try (InputStream in = InitTemplate.class.getResourceAsStream("starter.toml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{uid}}", uid);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates {@code file} (never replacing one) and returns the uid written in it. */
    static String write(Path file) throws IOException {
        String uid = UUID.randomUUID().toString();
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            w.write(text(uid));
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: leave the defaults
        }
        return uid;
    }
}
