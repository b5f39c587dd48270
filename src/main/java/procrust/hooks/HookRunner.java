package procrust.hooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import procrust.config.Hook;
import procrust.logs.LogRotator;
import procrust.runtime.Signal;
import procrust.runtime.Signaller;

/**
 * Runs the hooks of an event. {@link #fire} never blocks and never throws: it puts one run per
 * matching hook on a bounded queue ({@link #QUEUE}); {@link #RUNNING} worker threads take them. A run
 * is {@code /bin/sh -c COMMAND} in a session and process group of its own (setsid, like a service), stdin
 * {@code /dev/null}, stdout and stderr appended to {@code LOGDIR/hooks.log}, procrust's environment
 * plus the event's ({@link HookEvent}) and {@code PROCRUST_HOOK=1}. At its timeout its whole process
 * group is killed (SIGKILL: a hook is not a service and gets no grace); a run whose shell ends also has
 * what it left in its group killed, so nothing of a hook outlives its run. A full queue drops the run,
 * with a line in procrust's log and in hooks.log. See docs/hooks.md.
 */
public final class HookRunner implements AutoCloseable {

    /** At most this many hooks run at once (SPEC §6). */
    public static final int RUNNING = 4;
    /** Runs waiting for a free slot; beyond this they are dropped. */
    public static final int QUEUE = 64;
    /** hooks.log is rotated past this size, one old file kept. */
    static final long MAX_LOG = 10L * 1024 * 1024;
    /** Marks a hook's processes (as {@code PROCRUST_HEALTH_CHECK} marks probes). */
    public static final String MARK = "PROCRUST_HOOK";

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    private static final long POLL_MS = 20;
    /**
     * The group's leader: runs the command ($1) with its output appended to hooks.log ($2) and stdin
     * from /dev/null, prints its exit status, then waits for procrust to close its stdin. So the leader
     * outlives the command, and procrust signals the group while its id is provably still this group's.
     */
    static final String LEADER = "/bin/sh -c \"$1\" </dev/null >>\"$2\" 2>&1; echo $?; read _";

    private final Path logFile;
    private final String uid;
    private final Supplier<List<Hook>> hooks;
    private final Signaller signaller;
    private final Clock clock;
    private final Consumer<String> warn;
    private final ThreadPoolExecutor pool;
    private final AtomicInteger dropped = new AtomicInteger();

    /**
     * @param logFile   {@code LOGDIR/hooks.log}
     * @param hooks     the hooks of the file in force (read at each event: a reload changes them)
     * @param warn      procrust's own log, for runs dropped or that could not start
     */
    public HookRunner(Path logFile, String uid, Supplier<List<Hook>> hooks, Signaller signaller, Clock clock,
                      Consumer<String> warn) {
        this.logFile = logFile;
        this.uid = uid;
        this.hooks = hooks;
        this.signaller = signaller;
        this.clock = clock;
        this.warn = warn;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(RUNNING, RUNNING, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "procrust-hook-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
    }

    /** Queues a run of every hook that listens to {@code e}; returns at once. */
    public void fire(HookEvent e) {
        List<Hook> all;
        try {
            all = hooks.get();
        } catch (RuntimeException ex) {
            return;
        }
        for (Hook h : all) {
            if (!h.on(e.name())) {
                continue;
            }
            try {
                pool.execute(() -> run(h, e));
            } catch (RejectedExecutionException full) {
                int n = dropped.incrementAndGet();
                String what = "hook for " + e.name() + " of " + e.id() + " dropped: " + RUNNING + " running and "
                        + QUEUE + " waiting (" + n + " dropped so far)";
                warn.accept(what);
                note(what);
            }
        }
    }

    /** True when the file in force has at least one hook (else events need no work at all). */
    public boolean listening() {
        try {
            return !hooks.get().isEmpty();
        } catch (RuntimeException ex) {
            return false;
        }
    }

    /** Runs dropped so far because the queue was full. */
    public int dropped() {
        return dropped.get();
    }

    /** Runs running or waiting now. */
    public int pending() {
        return pool.getActiveCount() + pool.getQueue().size();
    }

    private void run(Hook h, HookEvent e) {
        String label = e.name() + " " + e.id() + (e.version() == null ? "" : "@" + e.version());
        Process p;
        try {
            prepareLog();
            ProcessBuilder pb = new ProcessBuilder("setsid", "/bin/sh", "-c", LEADER, "procrust-hook", h.command(),
                    logFile.toString())
                    .redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            environment(pb.environment(), e);
            note("hook " + label + ": " + h.command());
            p = pb.start();
        } catch (IOException | RuntimeException ex) {
            String what = "hook " + label + " could not start: " + ex.getMessage();
            warn.accept(what);
            note(what);
            return;
        }
        long pgid = p.pid();
        long t0 = System.nanoTime();
        Integer code = awaitStatus(p, t0 + h.timeout().toNanos());
        // the leader waits on its stdin: while it lives the group id is ours, so nothing else is signalled
        // (also ends what the command left behind in its group)
        killGroup(pgid);
        try {
            p.getOutputStream().close();
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException ex) {
            // gone already
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        if (code != null) {
            note("hook " + label + " (pid " + pgid + ") " + (code == 0 ? "done" : "exited with status " + code)
                    + " after " + seconds(took));
        } else {
            String what = "hook " + label + " (pid " + pgid + ") timed out after " + seconds(h.timeout())
                    + ": SIGKILL to its process group";
            note(what);
            warn.accept(what);
        }
    }

    /** The command's exit status as the leader reports it, or null when {@code deadline} passed first. */
    private static Integer awaitStatus(Process p, long deadline) {
        StringBuilder line = new StringBuilder();
        try {
            var in = p.getInputStream();
            while (System.nanoTime() < deadline) {
                if (in.available() > 0) {
                    int c = in.read();
                    if (c == '\n') {
                        return Integer.parseInt(line.toString().trim());
                    }
                    line.append((char) c);
                    continue;
                }
                if (!p.isAlive()) {
                    return in.available() > 0 ? null : -1;
                }
                Thread.sleep(POLL_MS);
            }
        } catch (IOException | NumberFormatException ex) {
            return -1;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    /** procrust's environment, less any PROCRUST_* of its own, plus the event's. */
    void environment(Map<String, String> env, HookEvent e) {
        env.keySet().removeIf(k -> k.startsWith("PROCRUST_"));
        env.put("PROCRUST_EVENT", e.name());
        env.put("PROCRUST_UID", uid);
        env.put("PROCRUST_ID", e.id());
        env.put("PROCRUST_VERSION", e.version() == null ? "" : e.version());
        env.put("PROCRUST_PID", e.pid() == null ? "" : Long.toString(e.pid()));
        env.put("PROCRUST_EXIT_STATUS", e.exitStatus() == null ? "" : Integer.toString(e.exitStatus()));
        env.put("PROCRUST_LOG", e.log() == null ? "" : e.log().toString());
        env.put(MARK, "1");
    }

    private void killGroup(long pgid) {
        try {
            signaller.signalGroup(pgid, Signal.KILL);
        } catch (RuntimeException ex) {
            warn.accept("cannot end hook process group " + pgid + ": " + ex.getMessage());
        }
    }

    /** One line of procrust's own in hooks.log. */
    private synchronized void note(String line) {
        try {
            prepareLog();
            String text = TS.format(OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS)) + " procrust: "
                    + line.replace('\n', ' ') + "\n";
            Files.writeString(logFile, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException | UncheckedIOException ex) {
            // the log folder is gone or full: the hook itself is what matters
        }
    }

    private synchronized void prepareLog() throws IOException {
        if (!Files.exists(logFile)) {
            try {
                Files.createFile(logFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (java.nio.file.FileAlreadyExistsException ex) {
                // made meanwhile
            }
        } else if (Files.size(logFile) > MAX_LOG) {
            LogRotator.rotate(logFile, 1);
        }
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }

    /** Stops taking runs; runs in progress go on (their groups are ended at their timeouts). */
    @Override
    public void close() {
        pool.shutdown();
    }

    /** Waits up to {@code limit} for the runs queued and running to end (tests, {@code apply --once}). */
    public boolean awaitIdle(Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (pending() > 0) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }
}
