package procrust.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Numeric owners on Linux: the effective uid of this process and the owner of a path. */
public final class Owner {

    /** The uid of root. */
    public static final int ROOT = 0;

    private Owner() {
    }

    /**
     * The effective uid of this process, read from {@code /proc/self/status} (second field of the
     * {@code Uid:} line); -1 when it cannot be read (then nothing is treated as root).
     */
    public static int effectiveUid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    String[] f = line.trim().split("\\s+");
                    return f.length > 2 ? Integer.parseInt(f[2]) : -1;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc not mounted: fall through
        }
        return -1;
    }

    /** The numeric owner of a path, not following a symbolic link at the end. */
    public static int of(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    }

    /** The permission and type bits of a path ({@code st_mode}), not following a final link. */
    public static int modeOf(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    }

    /** A uid as "1000 (alice)" when the user name is known, else just the number. */
    public static String describe(int uid) {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
                String[] f = line.split(":", -1);
                if (f.length > 2 && f[2].equals(Integer.toString(uid))) {
                    return uid + " (" + f[0] + ")";
                }
            }
        } catch (IOException | RuntimeException e) {
            // no passwd file: the number alone
        }
        return Integer.toString(uid);
    }
}
