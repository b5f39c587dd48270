package procrust.state;

import java.nio.file.Path;
import java.util.Map;

/**
 * Resolves the state directory (SPEC §4): {@code --state-dir}, else {@code $PROCRUST_STATE_DIR}, else
 * {@code /var/lib/procrust} as root, else {@code $XDG_STATE_HOME/procrust} or
 * {@code ~/.local/state/procrust}. The data of one file lives in {@code DIR/<uid>/}.
 */
public final class StateDirs {

    private StateDirs() {
    }

    /** The base state directory (without the uid). */
    public static Path base(Path option, Map<String, String> env, boolean root, String home) {
        if (option != null) {
            return option.toAbsolutePath().normalize();
        }
        String fromEnv = env.get("PROCRUST_STATE_DIR");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath().normalize();
        }
        if (root) {
            return Path.of("/var/lib/procrust");
        }
        String xdg = env.get("XDG_STATE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "procrust");
        }
        return Path.of(home, ".local", "state", "procrust");
    }

    /** The base state directory for this process's environment and user. */
    public static Path base(Path option) {
        return base(option, System.getenv(), isRoot(), System.getProperty("user.home"));
    }

    /** {@code base/<uid>}: where one file's state, lock and logs live. */
    public static Path forUid(Path base, String uid) {
        Path dir = base.resolve(uid).normalize();
        if (!dir.getParent().equals(base.normalize())) {
            throw new IllegalArgumentException("uid " + uid + " is not a plain name");
        }
        return dir;
    }

    /** {@code --log-dir}, else {@code DIR/<uid>/logs}. */
    public static Path logs(Path uidDir, Path option) {
        return option != null ? option.toAbsolutePath().normalize() : uidDir.resolve("logs");
    }

    /**
     * The log folder of {@code uid}'s services, for commands that read logs (or start services for the
     * next apply): {@code --log-dir} when given, else the one the running apply of the uid uses, else the
     * one the state records (the last apply's), else {@code DIR/<uid>/logs}. So {@code procrust logs}
     * finds the logs of an apply started with {@code --log-dir} without being told.
     */
    public static Path logsUsed(Path uidDir, Path option, String uid) {
        if (option != null) {
            return option.toAbsolutePath().normalize();
        }
        java.util.Optional<Path> running = HostLock.holder(uid).map(HostLock.Info::logDir);
        if (running.isPresent()) {
            return running.get();
        }
        try {
            // a read-only load names nothing by time: no clock is read
            StateStore.Loaded l = new StateStore(uidDir, uid, java.time.Clock.fixed(java.time.Instant.EPOCH,
                    java.time.ZoneOffset.UTC)).load(false);
            if (l.problem() == null && l.state().logDir() != null) {
                return Path.of(l.state().logDir());
            }
        } catch (java.io.IOException | RuntimeException e) {
            // no record: the default
        }
        return logs(uidDir, null);
    }

    /** True when running as uid 0 (read from /proc/self/status; "root" user name as a fallback). */
    public static boolean isRoot() {
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    String[] f = line.split("\\s+");
                    return f.length > 2 && "0".equals(f[2]);
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // fall through
        }
        return "root".equals(System.getProperty("user.name"));
    }
}
