package procrust.runtime;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * Finds the process groups of one uid by the environment procrust gives every spawn
 * ({@code PROCRUST_UID}, {@code PROCRUST_ID}, {@code PROCRUST_VERSION}): one pass over
 * {@code /proc/*}{@code /environ}. Only processes whose environment holds exactly
 * {@code PROCRUST_UID=<uid>} count (another uid's, even one sharing a prefix, never does), only
 * members of a group that is also their session (procrust spawns with setsid), never zombies, and
 * never health-check probes or hooks ({@code PROCRUST_HEALTH_CHECK}, {@code PROCRUST_EVENT}: apply
 * handles those itself). An environment that cannot be read (another user's process, a process gone
 * meanwhile) is skipped. A program that writes its process title over its environment (redis-server,
 * PostgreSQL) is not found this way.
 */
final class EnvironScan {

    private static final byte[] PROBE = "PROCRUST_HEALTH_CHECK=".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HOOK = "PROCRUST_EVENT=".getBytes(StandardCharsets.US_ASCII);
    private static final String ID = "PROCRUST_ID=";
    private static final String VERSION = "PROCRUST_VERSION=";
    /** An environment larger than this is not a spawn of ours (the kernel's own limit is far above). */
    private static final int MAX_ENVIRON = 1 << 20;

    private EnvironScan() {
    }

    static List<UidGroup> scan(String procDir, String uid, LongFunction<Optional<ProcStat>> stat) {
        byte[] want = ("PROCRUST_UID=" + uid).getBytes(StandardCharsets.UTF_8);
        long self = ProcessHandle.current().pid();
        Map<Long, List<Long>> members = new TreeMap<>();
        Map<Long, UidGroup.Leader> leaders = new TreeMap<>();
        for (long pid : ProcStat.pids(procDir)) {
            if (pid == self) {
                continue;
            }
            Optional<ProcStat> before = stat.apply(pid);
            if (before.isEmpty() || before.get().zombie() || before.get().pgid() != before.get().session()) {
                continue;
            }
            byte[] env = environ(procDir, pid);
            if (env == null || !LinuxProcessTable.hasEntry(env, want) || LinuxProcessTable.hasPrefix(env, PROBE)
                    || LinuxProcessTable.hasPrefix(env, HOOK)) {
                continue;
            }
            Optional<ProcStat> after = stat.apply(pid);
            if (after.isEmpty() || after.get().zombie() || after.get().startTicks() != before.get().startTicks()
                    || after.get().pgid() != before.get().pgid()) {
                continue; // ended (or the pid was reused) while we read it
            }
            ProcStat s = after.get();
            members.computeIfAbsent(s.pgid(), g -> new ArrayList<>()).add(pid);
            if (s.pid() == s.pgid()) {
                leaders.put(pid, new UidGroup.Leader(pid, s.startTicks(), value(env, ID), value(env, VERSION),
                        startInstant(pid)));
            }
        }
        List<UidGroup> out = new ArrayList<>();
        for (Map.Entry<Long, List<Long>> e : members.entrySet()) {
            out.add(new UidGroup(e.getKey(), leaders.get(e.getKey()), e.getValue()));
        }
        return out;
    }

    private static byte[] environ(String procDir, long pid) {
        try (FileInputStream in = new FileInputStream(procDir + pid + "/environ")) {
            return in.readNBytes(MAX_ENVIRON);
        } catch (IOException e) {
            return null; // gone, or not ours to read
        }
    }

    /** The value of the first entry {@code prefix...} of a NUL-separated environment, or null. */
    static String value(byte[] environ, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        for (int i = 0; i <= environ.length; i++) {
            if (i == environ.length || environ[i] == 0) {
                if (i - start >= p.length && java.util.Arrays.equals(environ, start, start + p.length, p, 0, p.length)) {
                    return new String(environ, start + p.length, i - start - p.length, StandardCharsets.UTF_8);
                }
                start = i + 1;
            }
        }
        return null;
    }

    private static Instant startInstant(long pid) {
        return ProcessHandle.of(pid).flatMap(h -> h.info().startInstant()).orElse(null);
    }
}
