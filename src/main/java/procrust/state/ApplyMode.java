package procrust.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * How the host is run: {@code DIR/<uid>/apply-mode} says whether the last apply was a long-running
 * one ({@code continuous}) or {@code apply --once} (from cron, a deploy script). {@code status} with no
 * apply running exits 4 (nothing supervises the processes) unless the host is run by {@code --once},
 * where no apply running is the normal state (docs/apply.md "procrust status").
 */
public final class ApplyMode {

    public static final String FILE_NAME = "apply-mode";
    public static final String ONCE = "once";
    public static final String CONTINUOUS = "continuous";

    private ApplyMode() {
    }

    /** Written by apply when it starts (0600, atomically); a failure is the caller's to report. */
    public static void record(Path uidDir, boolean once) throws IOException {
        Path tmp = uidDir.resolve("." + FILE_NAME + ".tmp");
        Files.deleteIfExists(tmp);
        Files.writeString(tmp, (once ? ONCE : CONTINUOUS) + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(tmp, StateStore.FILE_MODE);
        Files.move(tmp, uidDir.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** {@link #ONCE}, {@link #CONTINUOUS}, or null when no apply ever ran here (or it cannot be read). */
    public static String read(Path uidDir) {
        Path f = uidDir.resolve(FILE_NAME);
        try {
            if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            String s = Files.readString(f, StandardCharsets.UTF_8).strip();
            return ONCE.equals(s) || CONTINUOUS.equals(s) ? s : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
