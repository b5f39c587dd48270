package procrust.runtime;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Users and groups of this host through {@code getent} (the name service: /etc/passwd, LDAP, sssd...,
 * as every other tool sees them), and procrust's own identity from {@code /proc/self/status}. An
 * answer is kept {@link #TTL_NANOS 30 s}: twenty services as one user cost one lookup, and a user
 * created or changed is seen within half a minute.
 */
public final class Accounts {

    private static final File DEV_NULL = new File("/dev/null");

    /** A passwd entry. */
    public record User(String name, long uid, long gid, String home, String shell) {
    }

    /** procrust's own effective uid and gid and its umask (four octal digits, or null when unknown). */
    public record Self(long uid, long gid, String umask) {

        public boolean root() {
            return uid == 0;
        }
    }

    /** How long an answer of getent is reused. */
    static final long TTL_NANOS = 30_000_000_000L;

    private record Cached(List<String> fields, long at) {
    }

    private final String getent;
    private final java.util.Map<String, Cached> cache = new java.util.HashMap<>();

    public Accounts() {
        this(Tools.find("getent"));
    }

    Accounts(String getent) {
        this.getent = getent;
    }

    /** The passwd entry of a user name or numeric uid; empty when the host has none. */
    public Optional<User> user(String nameOrId) throws IOException {
        List<String> f = lookup("passwd", nameOrId);
        if (f == null || f.size() < 7) {
            return Optional.empty();
        }
        try {
            return Optional.of(new User(f.get(0), Long.parseLong(f.get(2)), Long.parseLong(f.get(3)), f.get(5), f.get(6)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The gid of a group name or numeric gid; empty when the host has no such group. */
    public OptionalLong group(String nameOrId) throws IOException {
        List<String> f = lookup("group", nameOrId);
        if (f == null || f.size() < 3) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(f.get(2)));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** The fields of the one entry {@code getent DB KEY} prints, or null when there is none. */
    private synchronized List<String> lookup(String db, String key) throws IOException {
        String k = db + ":" + key;
        Cached c = cache.get(k);
        long now = System.nanoTime();
        if (c != null && now - c.at() < TTL_NANOS) {
            return c.fields();
        }
        List<String> fields = getent(db, key);
        if (cache.size() > 1000) {
            cache.clear();
        }
        cache.put(k, new Cached(fields, now));
        return fields;
    }

    private List<String> getent(String db, String key) throws IOException {
        if (getent == null) {
            throw new IOException("getent (glibc's libc-bin) is not installed: procrust needs it to look up " + db
                    + " entries");
        }
        Process p = new ProcessBuilder(getent, db, "--", key)
                .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL))
                .redirectError(ProcessBuilder.Redirect.to(DEV_NULL))
                .start();
        String out = new String(p.getInputStream().readNBytes(64 * 1024), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("getent " + db + " " + key + " did not answer within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while looking up " + key, e);
        }
        if (p.exitValue() != 0) {
            return null; // 2: not found
        }
        String line = out.lines().findFirst().orElse("");
        return line.isEmpty() ? null : List.of(line.split(":", -1));
    }

    /** procrust's own identity, read from {@code /proc/self/status} (effective ids). */
    public static Self self() {
        long uid = -1;
        long gid = -1;
        String umask = null;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
                String[] f = line.split("\\s+");
                if (f[0].equals("Uid:") && f.length > 2) {
                    uid = Long.parseLong(f[2]);
                } else if (f[0].equals("Gid:") && f.length > 2) {
                    gid = Long.parseLong(f[2]);
                } else if (f[0].equals("Umask:") && f.length > 1) {
                    umask = f[1];
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or unreadable: unknown
        }
        return new Self(uid, gid, umask);
    }
}
