package procrust.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who and how an entry's process runs (SPEC §6), every default filled in.
 *
 * @param user       a user name or numeric uid; null: procrust's own user
 * @param group      a group name or numeric gid; null: the user's primary group (procrust's own when
 *                   {@code user} is null too)
 * @param umask      four octal digits, {@code "0022"} by default
 * @param envFiles   absolute paths of dotenv files, read at each start in this order; {@code env} wins
 * @param stopSignal the first signal of a stop, a name of {@link #SIGNALS}
 * @param limits     RLIMIT_* by lower-case name ({@link #LIMITS}), soft = hard; {@link #UNLIMITED} for none
 */
public record RunAs(String user, String group, String umask, List<String> envFiles, String stopSignal,
                    Map<String, Long> limits) {

    public static final String DEFAULT_UMASK = "0022";
    public static final String DEFAULT_STOP_SIGNAL = "TERM";
    /** A limit with no bound (RLIM_INFINITY). */
    public static final long UNLIMITED = -1;
    /** The signals {@code stop_signal} may name. */
    public static final List<String> SIGNALS = List.of("TERM", "INT", "QUIT", "HUP", "USR1", "USR2", "KILL");
    /** The resource limits {@code limits} may set: the names of prlimit(1)'s options, RLIMIT_ without the prefix. */
    public static final List<String> LIMITS = List.of("as", "core", "cpu", "data", "fsize", "locks", "memlock",
            "msgqueue", "nice", "nofile", "nproc", "rss", "rtprio", "rttime", "sigpending", "stack");
    public static final RunAs DEFAULT = new RunAs(null, null, DEFAULT_UMASK, List.of(), DEFAULT_STOP_SIGNAL, Map.of());

    public RunAs {
        umask = umask == null ? DEFAULT_UMASK : umask;
        envFiles = envFiles == null ? List.of() : List.copyOf(envFiles);
        stopSignal = stopSignal == null ? DEFAULT_STOP_SIGNAL : stopSignal;
        limits = limits == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(limits));
    }

    /** True when the process runs as another user or group than procrust's own, by the file's words. */
    public boolean switchesIdentity() {
        return user != null || group != null;
    }

    /**
     * Adds the fields that differ from their defaults to a fingerprint (so that an instance started
     * before these keys existed does not look changed). Only env file names, never their contents.
     */
    void addTo(Map<String, String> f) {
        if (user != null) {
            f.put("user", user);
        }
        if (group != null) {
            f.put("group", group);
        }
        if (!DEFAULT_UMASK.equals(umask)) {
            f.put("umask", umask);
        }
        if (!envFiles.isEmpty()) {
            f.put("env_file", envFiles.toString());
        }
        if (!DEFAULT_STOP_SIGNAL.equals(stopSignal)) {
            f.put("stop_signal", stopSignal);
        }
        if (!limits.isEmpty()) {
            f.put("limits", limits.toString());
        }
    }

    /** A limit as prlimit(1) and the shell write it: a number, or {@code unlimited}. */
    public static String limitText(long value) {
        return value == UNLIMITED ? "unlimited" : Long.toString(value);
    }
}
