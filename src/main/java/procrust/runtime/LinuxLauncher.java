package procrust.runtime;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Spawns {@code setsid /bin/sh -c COMMAND}: a new session and process group led by the shell, stdin
 * from /dev/null, stdout and stderr appended to the log file (never a pipe to procrust, so the
 * process outlives procrust and never dies of SIGPIPE). The exit status comes from
 * {@link Process#onExit()}; dash does not exec the last command, so the held pid is the shell's and
 * the whole group is what gets signalled.
 *
 * <p>A {@linkplain #spawnGated gated} spawn runs a small shell first that waits for one line on a pipe
 * from procrust, then makes /dev/null its stdin and execs {@code /bin/sh -c COMMAND} (same pid, same
 * start time); end of file instead (procrust died, or closed the gate) makes it exit
 * {@link #GATE_CLOSED_EXIT} without running anything. The pipe is gone once the command runs.
 *
 * <p>A request with a {@link ProcessSetup} (user, group, umask, limits) runs the {@link Wrapper}'s
 * words in that shell instead of the bare {@code exec /bin/sh -c "$1"}; every step execs, so the pid
 * held, its start time, its session and its process group are those of the command. After the gate:
 * {@code umask 0027; exec prlimit --nofile=N:N -- setpriv --reuid=U --regid=G --init-groups -- /bin/sh -c "$1"}.
 * An ungated spawn that needs no setup stays {@code setsid /bin/sh -c COMMAND}.
 *
 * <p>How: through {@link NativeSpawner} (posix_spawn with POSIX_SPAWN_SETSID in place of setsid(1),
 * every child's exit heard by the one {@link ChildReaper} thread) where glibc and the kernel have what
 * it needs; else, or with {@code -Dprocrust.spawn=jdk}, through the JDK's {@link ProcessBuilder}, which
 * keeps a thread per child until it exits.
 */
public final class LinuxLauncher implements Launcher {

    private static final File DEV_NULL = new File("/dev/null");
    /** Exit status of a gated process whose gate closed unopened. */
    public static final int GATE_CLOSED_EXIT = 125;
    private static final String GATE = "IFS= read -r go || exit " + GATE_CLOSED_EXIT + "; exec 0</dev/null; ";

    /**
     * True when children are spawned and waited for natively (no thread per child). Asked only when a
     * child is spawned: loading JNA unpacks its native part and runs {@code ldconfig -p}, about 100 ms
     * that status, plan and the TUI, which build a launcher but never spawn, do not pay
     * (docs/benchmarks.md#start-up).
     */
    public static boolean nativeSpawn() {
        return Libc.AVAILABLE && !"jdk".equals(System.getProperty("procrust.spawn"));
    }

    private final ProcessTable table;
    private final Wrapper wrapper;
    private final String ownUmask;
    /** Asked for by the caller, or null for the default; decided at the first spawn ({@link #spawnsNatively}). */
    private final Boolean nativeSpawn;

    public LinuxLauncher(ProcessTable table) {
        this(table, new Accounts(), Accounts.self());
    }

    LinuxLauncher(ProcessTable table, Accounts accounts, Accounts.Self self) {
        this(table, accounts, self, null);
    }

    /** @param nativeSpawn whether to spawn natively where {@link Libc} is available; null: {@link #nativeSpawn()} */
    LinuxLauncher(ProcessTable table, Accounts accounts, Accounts.Self self, Boolean nativeSpawn) {
        this.nativeSpawn = nativeSpawn;
        this.table = table;
        this.wrapper = new Wrapper(accounts, self);
        this.ownUmask = self.umask();
    }

    private boolean spawnsNatively() {
        return nativeSpawn == null ? nativeSpawn() : nativeSpawn && Libc.AVAILABLE;
    }

    @Override
    public Spawned spawn(SpawnRequest r) throws IOException {
        return start(r, false);
    }

    @Override
    public Spawned spawnGated(SpawnRequest r) throws IOException {
        return start(r, true);
    }

    private Spawned start(SpawnRequest r, boolean gated) throws IOException {
        if (r.workingDir() != null && !Files.isDirectory(r.workingDir())) {
            throw new IOException("working_dir " + r.workingDir() + " does not exist or is not a directory");
        }
        prepareLog(r.logFile());
        ProcessSetup setup = r.setup();
        if (setup.umask() != null && setup.umask().equals(ownUmask)) {
            setup = new ProcessSetup(setup.user(), setup.group(), null, setup.limits());
        }
        Wrapper.Words words = wrapper.of(setup);
        if (spawnsNatively()) {
            return startNative(r, gated, words);
        }
        ProcessBuilder pb = gated
                ? new ProcessBuilder("setsid", "/bin/sh", "-c", GATE + words.prelude(), "procrust-gate", r.command())
                : words.bare() ? new ProcessBuilder("setsid", "/bin/sh", "-c", r.command())
                : new ProcessBuilder("setsid", "/bin/sh", "-c", words.prelude(), "procrust-run", r.command());
        if (r.workingDir() != null) {
            pb.directory(r.workingDir().toFile());
        }
        Map<String, String> env = pb.environment();
        env.putAll(words.env());
        env.putAll(r.env());
        pb.redirectInput(gated ? ProcessBuilder.Redirect.PIPE : ProcessBuilder.Redirect.from(DEV_NULL));
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(r.logFile().toFile()));
        pb.redirectErrorStream(true);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IOException("cannot start /bin/sh -c: " + e.getMessage(), e);
        }
        long pid = p.pid();
        long ticks = awaitOwnSession(pid);
        CompletableFuture<Integer> exit = p.onExit().thenApply(Process::exitValue);
        return gated ? new Spawned(pid, ticks, exit, new PipeGate(p)) : new Spawned(pid, ticks, exit);
    }

    private Spawned startNative(SpawnRequest r, boolean gated, Wrapper.Words words) throws IOException {
        List<String> argv = gated ? List.of("/bin/sh", "-c", GATE + words.prelude(), "procrust-gate", r.command())
                : words.bare() ? List.of("/bin/sh", "-c", r.command())
                : List.of("/bin/sh", "-c", words.prelude(), "procrust-run", r.command());
        Map<String, String> env = new HashMap<>(words.env());
        env.putAll(r.env());
        NativeSpawner.Child c;
        try {
            c = NativeSpawner.spawn(argv, r.workingDir(), env, r.logFile(), gated);
        } catch (IOException e) {
            throw new IOException("cannot start /bin/sh -c: " + e.getMessage(), e);
        }
        long ticks = awaitOwnSession(c.pid());
        return gated ? new Spawned(c.pid(), ticks, c.exit(), new NativeSpawner.PipeGate(c.gateFd()))
                : new Spawned(c.pid(), ticks, c.exit());
    }

    /**
     * Waits (briefly: it takes microseconds) until the child has called setsid, so that a group
     * signal sent from now on reaches it. Returns its start ticks, or -1 when it already exited.
     */
    private long awaitOwnSession(long pid) {
        long end = System.nanoTime() + 2_000_000_000L;
        while (true) {
            var st = table.stat(pid);
            if (st.isEmpty()) {
                return -1;
            }
            if (st.get().session() == pid || st.get().zombie() || System.nanoTime() > end) {
                return st.get().startTicks();
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return st.get().startTicks();
            }
        }
    }

    /** Creates the log folder (0700) and file when missing; the file is 0600 whatever the umask. */
    static void prepareLog(Path log) throws IOException {
        Path dir = log.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
        if (!Files.exists(log)) {
            try {
                Files.createFile(log, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // created meanwhile: fine
            }
        }
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-------"));
    }

    /** The gate of a gated process: one line on its stdin opens it; closing the pipe ends it. */
    private static final class PipeGate implements Spawned.Gate {
        private final Process process;

        PipeGate(Process process) {
            this.process = process;
        }

        @Override
        public void open() {
            try (var in = process.getOutputStream()) {
                in.write('\n');
            } catch (IOException e) {
                // it is gone already: its exit is reported as any other
            }
        }

        @Override
        public void close() {
            try {
                process.getOutputStream().close();
            } catch (IOException e) {
                // gone already
            }
        }
    }
}
