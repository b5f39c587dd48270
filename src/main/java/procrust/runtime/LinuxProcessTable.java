package procrust.runtime;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link ProcessTable} backed by {@code /proc}. */
public final class LinuxProcessTable implements ProcessTable {

    private final Path proc;
    private final String procDir;
    private volatile String bootId;
    /** True for the host's own /proc, where kill(2) may be asked about the same processes. */
    private final boolean hostProc;

    public LinuxProcessTable() {
        this(Path.of("/proc"));
    }

    /** For tests: a different proc root. */
    public LinuxProcessTable(Path proc) {
        this.proc = proc;
        this.procDir = proc.toString() + "/";
        this.hostProc = proc.toAbsolutePath().normalize().equals(Path.of("/proc"));
    }

    @Override
    public Optional<ProcStat> stat(long pid) {
        if (pid <= 0) {
            return Optional.empty();
        }
        byte[] buf = new byte[1024];
        int len = read(pid, "stat", buf);
        try {
            return len < 0 ? Optional.empty()
                    : Optional.of(ProcStat.parse(new String(buf, 0, len, StandardCharsets.ISO_8859_1).strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // cut short: the process vanished while we read it
        }
    }

    /**
     * Reads {@code /proc/PID/NAME} into {@code buf}: its length, or -1 when the process is gone (no
     * such file, or ESRCH while reading). One open, read, close: these files are a few hundred bytes
     * and arrive whole in one read. java.io rather than Files.readString, which costs several times
     * the CPU: this runs for every process at each look at a group, and every 2 s for each adopted
     * process.
     */
    private int read(long pid, String name, byte[] buf) {
        int len = 0;
        try (FileInputStream in = new FileInputStream(procDir + pid + "/" + name)) {
            int r;
            while (len < buf.length && (r = in.read(buf, len, buf.length - len)) > 0) {
                len += r;
            }
            return len;
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Reads {@code /proc/PID/statm}, which the kernel fills from a few memory counters, where the
     * stat line costs it several times as much: a zombie (and a task without memory) reads all zeros.
     */
    @Override
    public boolean alive(long pid) {
        if (pid <= 0) {
            return false;
        }
        byte[] buf = new byte[128];
        int n = read(pid, "statm", buf);
        return n > 1 && !(buf[0] == '0' && buf[1] == ' ');
    }

    @Override
    public String bootId() {
        String id = bootId;
        if (id == null) {
            try {
                id = Files.readString(proc.resolve("sys/kernel/random/boot_id"), StandardCharsets.US_ASCII).strip();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot read the boot id from " + proc, e);
            }
            bootId = id;
        }
        return id;
    }

    @Override
    public List<Long> groupMembers(long pgid) {
        List<Long> out = new ArrayList<>();
        if (pgid <= 1) {
            return out;
        }
        for (long pid : ProcStat.pids(procDir)) {
            if (member(pid, pgid)) {
                out.add(pid);
            }
        }
        return out;
    }

    /**
     * One look at a group, without reading the stat of every process of the host (issue 18: with 1,000
     * services, 2,000 processes and 40 ms a pass, which a crash and each look of a stop paid): on the
     * host's own /proc, {@code kill(-pgid, 0)} failing with ESRCH says that no task at all is left in the
     * group, zombies included. Otherwise a live member is looked for, the pids just after the leader's
     * first (a service forks its processes soon after its leader was spawned: they are usually there),
     * then every pid in ascending order from the leader's, stopping at the first live member found. The
     * answer is the one of {@link #groupMembers}: a member is a non-zombie of that group and session.
     */
    @Override
    public boolean groupAlive(long pgid) {
        if (pgid <= 1) {
            return false;
        }
        if (hostProc && Libc.noSuchGroup(pgid)) {
            return false;
        }
        long last = Math.min(pgid + NEAR, Integer.MAX_VALUE);
        for (long pid = pgid; pid <= last; pid++) {
            if (member(pid, pgid)) {
                return true;
            }
        }
        long[] pids = ProcStat.pids(procDir);
        java.util.Arrays.sort(pids);
        int from = java.util.Arrays.binarySearch(pids, pgid);
        from = from < 0 ? -from - 1 : from;
        for (int i = 0; i < pids.length; i++) {
            long pid = pids[(from + i) % pids.length];
            if ((pid < pgid || pid > last) && member(pid, pgid)) {
                return true;
            }
        }
        return false;
    }

    /** How many pids after a group's leader are looked at before /proc is listed. */
    static final int NEAR = 16;

    /** A live (not zombie) process of group {@code pgid}, in the session of the same id (setsid). */
    private boolean member(long pid, long pgid) {
        Optional<ProcStat> s = stat(pid);
        return s.isPresent() && s.get().pgid() == pgid && s.get().session() == pgid && !s.get().zombie();
    }

    /**
     * Proven when a live member carries {@code entry} and no member carries another value of its
     * variable (another uid's spawn). A member whose environment lacks the variable altogether does not
     * disprove it: some programs (redis-server, PostgreSQL) write their process title over their
     * environment. An environment that cannot be read (another user's process) disproves it.
     */
    @Override
    public boolean groupCarries(long pgid, String entry) {
        byte[] want = entry.getBytes(StandardCharsets.UTF_8);
        int eq = entry.indexOf('=');
        byte[] variable = entry.substring(0, eq + 1).getBytes(StandardCharsets.UTF_8);
        boolean carried = false;
        for (long pid : groupMembers(pgid)) {
            byte[] env;
            try {
                env = Files.readAllBytes(proc.resolve(Long.toString(pid)).resolve("environ"));
            } catch (java.nio.file.NoSuchFileException e) {
                continue; // gone meanwhile
            } catch (IOException e) {
                return false; // not ours to read: not proven
            }
            if (hasEntry(env, want)) {
                carried = true;
            } else if (hasPrefix(env, variable)) {
                return false; // another uid's
            }
        }
        return carried;
    }

    /** True when an entry of the NUL-separated {@code environ} starts with {@code prefix}. */
    static boolean hasPrefix(byte[] environ, byte[] prefix) {
        int start = 0;
        for (int i = 0; i <= environ.length; i++) {
            if (i == environ.length || environ[i] == 0) {
                if (i - start >= prefix.length && java.util.Arrays.equals(environ, start, start + prefix.length,
                        prefix, 0, prefix.length)) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    /** True when the NUL-separated {@code environ} holds exactly the entry {@code want}. */
    static boolean hasEntry(byte[] environ, byte[] want) {
        int start = 0;
        for (int i = 0; i <= environ.length; i++) {
            if (i == environ.length || environ[i] == 0) {
                if (i - start == want.length && java.util.Arrays.equals(environ, start, i, want, 0, want.length)) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    @Override
    public List<Long> groupsCarrying(List<String> entries) {
        List<byte[]> want = entries.stream().map(e -> e.getBytes(StandardCharsets.UTF_8)).toList();
        java.util.Set<Long> out = new java.util.TreeSet<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(proc)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (name.isEmpty() || !Character.isDigit(name.charAt(0))) {
                    continue;
                }
                try {
                    byte[] env = Files.readAllBytes(p.resolve("environ"));
                    if (want.stream().allMatch(w -> hasEntry(env, w))) {
                        stat(Long.parseLong(name)).filter(st -> st.pgid() == st.session() && !st.zombie())
                                .ifPresent(st -> out.add(st.pgid()));
                    }
                } catch (IOException | NumberFormatException e) {
                    // gone meanwhile, or not ours to read
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot list " + proc, e);
        }
        return List.copyOf(out);
    }

    @Override
    public List<UidGroup> groupsOfUid(String uid) {
        return EnvironScan.scan(procDir, uid, this::stat);
    }
}
