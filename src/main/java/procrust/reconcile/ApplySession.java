package procrust.reconcile;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import procrust.config.Config;
import procrust.hooks.HookRunner;
import procrust.diag.Diagnostic;
import procrust.logs.LogAccess;
import procrust.logs.RotationTask;
import procrust.plan.Action;
import procrust.plan.ActionKind;
import procrust.runtime.Host;
import procrust.runtime.Ticker;
import procrust.state.ApplyLock;
import procrust.state.ApplyMode;
import procrust.state.HostLock;
import procrust.state.InstanceRecord;
import procrust.state.Requests;
import procrust.state.StateDirs;
import procrust.state.StateFile;
import procrust.state.StateStore;
import procrust.config.CheckResult;

/**
 * One {@code procrust apply}: takes the uid's lock, loads and verifies the state, then runs the
 * {@link Reconciler} until SIGTERM/SIGINT (or, with {@code once}, until everything due now is done).
 * Wakes on child exits, file changes (inotify), requests, and the instants the reconciler asks for.
 * On SIGTERM/SIGINT it ends within a second and leaves every service running.
 */
public final class ApplySession {

    /** The hooks' output, in the log folder (SPEC §6). */
    public static final String HOOKS_LOG = "hooks.log";

    /** What the command line decided. */
    public record Settings(Path configFile, Path stateBase, Path logDirOption, boolean once, boolean verbose) {
    }

    private final Settings settings;
    private final ConfigLoader loader;
    private final PlanFunction planner;
    private final WindowOpening windows;
    private final PrintWriter err;
    private final Host host;
    private final Waker waker = new Waker();
    private volatile boolean stopRequested;
    /** The file in force, for the log-rotation thread. */
    private volatile Config currentConfig;
    /** The last reading of the file was refused (invalid, missing, another uid): the next good one says so. */
    private boolean rejected;
    private final CountDownLatch finished = new CountDownLatch(1);
    private ApplyObserver observer = ApplyObserver.NONE;
    /** The hooks of the file in force, fed by {@link #events} (set up in {@link #open}). */
    private HookRunner hooks;
    private HookedEventLog events;

    public ApplySession(Settings settings, ConfigLoader loader, PlanFunction planner, WindowOpening windows,
                        Host host, PrintWriter err) {
        this.settings = settings;
        this.host = host;
        this.loader = loader;
        this.planner = planner;
        this.windows = windows;
        this.err = err;
    }

    /** Tells {@code o} of each step and event (before {@link #run}); apply then steps at least every 15 s. */
    public void observe(ApplyObserver o) {
        this.observer = o;
    }

    /** Runs apply with the already validated first file; returns the exit status. */
    public int run(Config first) throws IOException, InterruptedException {
        Path uidDir = StateDirs.forUid(settings.stateBase(), first.uid());
        Path logDir = StateDirs.logs(uidDir, settings.logDirOption());
        HostLock.Attempt hostLock = HostLock.tryAcquire(new HostLock.Info(ProcessHandle.current().pid(), first.uid(),
                settings.stateBase(), settings.configFile(), logDir));
        if (!hostLock.acquired()) {
            return refuse(first.uid(), hostLock.holder().pid(), hostLock.holder().stateDir());
        }
        try (HostLock held = hostLock.lock()) {
            ApplyLock.Attempt attempt = ApplyLock.tryAcquire(uidDir);
            if (!attempt.acquired()) {
                return refuse(first.uid(), attempt.holderPid(), settings.stateBase());
            }
            try (ApplyLock lock = attempt.lock()) {
                return runLocked(first, uidDir, logDir);
            }
        } finally {
            finished.countDown();
        }
    }

    /** A second apply of the uid: exit 1, naming the first one's pid and state dir. */
    private int refuse(String uid, long pid, Path stateDir) {
        err.println("procrust: another apply is already running for uid " + uid
                + (pid > 0 ? " (pid " + pid + (stateDir == null ? "" : ", state dir " + stateDir) + ")" : "")
                + "; only one apply per uid runs on a host, whatever its --state-dir: stop it first (kill -TERM "
                + Math.max(pid, 0) + " leaves its services running)");
        err.flush();
        return 1;
    }

    private int runLocked(Config first, Path uidDir, Path logDir) throws IOException, InterruptedException {
        LineEventLog log = new LineEventLog(err, host.clock(), settings.verbose());
        Reconciler rec = open(first, uidDir, logDir, log);
        try {
            ApplyMode.record(uidDir, settings.once());
        } catch (IOException e) {
            log.warn("apply-mode", null, "cannot write " + uidDir.resolve(ApplyMode.FILE_NAME) + ": " + e.getMessage()
                    + " (status may take this host for one run by apply --once, or not)");
        }
        log.info("apply", null, "pid " + ProcessHandle.current().pid() + ", uid " + first.uid() + ", file "
                + settings.configFile() + ", " + first.processes().size() + " entries, state "
                + uidDir.resolve(StateStore.FILE_NAME) + (settings.once() ? ", --once" : ""));
        Runtime.getRuntime().addShutdownHook(shutdownHook());
        currentConfig = first;
        ScheduledExecutorService rotation = startLogRotation(logDir, log);
        Path requestsDir = uidDir.resolve(Requests.DIR_NAME);
        StateStore.ensureDir(requestsDir);
        FileWatcher watcher = settings.once() ? null : new FileWatcher(settings.configFile(), requestsDir, waker::wake);
        Hangup hup = new Hangup();
        String noHup = hup.install(waker::wake);
        if (noHup != null) {
            log.warn("sighup", null, "SIGHUP cannot be caught (" + noHup + "): it would end apply; reload by editing the file");
        }
        try {
            loop(rec, watcher, hup, uidDir, log);
        } finally {
            if (settings.once() && !stopRequested) {
                awaitHooks(log);
            }
            hooks.close();
            observer.close();
            rotation.shutdownNow();
            rec.shutdown();
            if (watcher != null) {
                watcher.close();
            }
        }
        if (stopRequested) {
            log.info("exit", null, "signal received: apply ends, every service is left running");
            return 0;
        }
        return finishOnce(rec, log);
    }

    /**
     * The reconciler on the state as found: each record that claims a live process verified against
     * /proc, those found gone (and a corrupt file set aside) logged and written at once; children
     * left by an earlier apply's health checks ended.
     */
    private Reconciler open(Config first, Path uidDir, Path logDir, LineEventLog log) throws IOException {
        Clock clock = host.clock();
        StateStore store = new StateStore(uidDir, first.uid(), clock);
        StateStore.createDir(logDir);
        if (first.logs().group() != null) {
            String problem = LogAccess.folderProblem(logDir, first.logs().group());
            if (problem != null) {
                log.warn("log-group", null, problem);
            }
        }
        Observation seen = Observation.read(uidDir, first, host.table(), clock, true);
        if (seen.problem() != null) {
            log.log(EventLog.Level.ERROR, "state-corrupt", null, seen.problem());
        }
        for (String g : seen.gone()) {
            log.info("gone", null, g);
        }
        OrphanProbes.end(host.table(), host.signaller(), first.uid(), log);
        // the log folder in use is recorded, for procrust logs run without --log-dir
        StateFile known = recover(seen.state(), first, log).withLogDir(logDir.toString());
        currentConfig = first;
        hooks = new HookRunner(logDir.resolve(HOOKS_LOG), first.uid(), () -> currentConfig.hooks(), host.signaller(),
                clock, msg -> log.warn("hook", null, msg));
        Reconciler[] ref = new Reconciler[1];
        events = new HookedEventLog(log, hooks, observer,
                k -> ref[0] == null ? null : ref[0].state().find(k.id(), k.version()).orElse(null), logDir);
        Effects fx = new Effects(host.launcher(), host.signaller(), host.table(), clock, planner, windows,
                store, new LogMarks(events, logDir, clock), logDir, host.probes());
        Reconciler rec = new Reconciler(fx, first, known, waker::wake);
        ref[0] = rec;
        if (!seen.gone().isEmpty() || seen.problem() != null || known != seen.state()) {
            rec.replaceState(known); // what was found is on disk before anything is planned
        }
        return rec;
    }

    /**
     * The services of this uid that the state does not name, found by their environment
     * ({@link EnvironRecovery}): leaders are recorded (the plan adopts or stops them), second copies and
     * leaderless remnants are stopped now. Returns the state to start from.
     */
    private StateFile recover(StateFile verified, Config config, LineEventLog log) throws IOException {
        EnvironRecovery.Found found = EnvironRecovery.sort(verified, config, host.table().groupsOfUid(config.uid()),
                host.table(), windows, host.clock().instant());
        for (String why : found.leftAlone()) {
            log.warn("not-ours", null, why);
        }
        try {
            EnvironRecovery.stop(found.strays(), config, host.table(), host.signaller(), Ticker.of(host.clock()), log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while stopping stray process groups");
        }
        for (Key k : found.recorded()) {
            InstanceRecord r = found.state().find(k.id(), k.version()).orElseThrow();
            log.warn("found", k, "pid " + r.pid() + " carries this uid but the state did not name it (lost, damaged, "
                    + "or another state dir): recorded with its start time and boot id; the plan adopts or stops it");
        }
        return found.state();
    }

    /** On SIGTERM/SIGINT: asks the loop to stop, waits for it up to 900 ms, then exits 0. */
    private Thread shutdownHook() {
        return new Thread(() -> {
            if (finished.getCount() == 0) {
                return; // apply already ended: the JVM exits with apply's own status
            }
            stopRequested = true;
            waker.wake();
            try {
                finished.await(900, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // SIGTERM/SIGINT asked for a clean stop: exit 0, not the JVM's 128+signal, which systemd
            // (and any supervisor) takes for a failure of the unit
            Runtime.getRuntime().halt(0);
        }, "procrust-shutdown");
    }

    private ScheduledExecutorService startLogRotation(Path logDir, LineEventLog log) {
        ScheduledExecutorService rotation = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "procrust-log-rotation");
            t.setDaemon(true);
            return t;
        });
        new RotationTask(RotationTask.cachedPolicies(() -> currentConfig, logDir, host.clock()::instant),
                msg -> log.warn("log-rotation", null, msg)).scheduleOn(rotation, RotationTask.DEFAULT_INTERVAL);
        return rotation;
    }

    /**
     * Steps the reconciler until a signal (or, with --once, until it is idle), sleeping between
     * steps; re-reads the file when it changed or on SIGHUP, takes requests when they arrive.
     */
    private void loop(Reconciler rec, FileWatcher watcher, Hangup hup, Path uidDir, LineEventLog log)
            throws IOException, InterruptedException {
        Clock clock = host.clock();
        HeapTrim trim = HeapTrim.system();
        trim.worked(steady()); // the start-up itself is the first burst
        takeRequests(rec, uidDir, log);
        while (!stopRequested) {
            boolean hangup = hup.take();
            if (hangup || (watcher != null && watcher.configChanged.getAndSet(false))) {
                reload(rec, log, hangup);
            }
            if (watcher != null && watcher.requestsArrived.getAndSet(false)) {
                takeRequests(rec, uidDir, log);
            }
            Instant now = clock.instant();
            Instant next = rec.step();
            observer.stepped(rec.config(), rec.state(), now);
            if (observer != ApplyObserver.NONE) {
                Instant due = now.plusSeconds(ApplyObserver.EVERY_SECONDS);
                next = next.isAfter(due) ? due : next;
            }
            if (settings.once() && rec.idle()) {
                break;
            }
            if (!next.isAfter(now)) {
                trim.worked(steady());
            } else {
                Instant trimAt = trim.idle(steady());
                if (trimAt != null) { // measured on the monotonic clock, slept until on the wall clock
                    trimAt = clock.instant().plus(java.time.Duration.between(steady(), trimAt));
                    if (trimAt.isBefore(next)) {
                        next = trimAt;
                    }
                }
            }
            waker.awaitUntil(next, clock);
        }
    }

    /**
     * {@code apply --once} ends when what is due is done, and the hooks of what it did belong to that:
     * it waits for them (each is ended at its timeout, so the wait is bounded by the longest one).
     */
    private void awaitHooks(LineEventLog log) throws InterruptedException {
        java.time.Duration longest = java.time.Duration.ZERO;
        for (procrust.config.Hook h : currentConfig.hooks()) {
            longest = h.timeout().compareTo(longest) > 0 ? h.timeout() : longest;
        }
        if (hooks.pending() > 0 && !hooks.awaitIdle(longest.plusSeconds(5))) {
            log.warn("hook", null, hooks.pending() + " hook run(s) still going at exit");
        }
    }

    /** Now on the monotonic clock, as an instant on a timeline of its own: only differences mean anything. */
    private static Instant steady() {
        return Instant.EPOCH.plusNanos(System.nanoTime());
    }

    private int finishOnce(Reconciler rec, LineEventLog log) {
        if (rec.lastPlan() != null) {
            for (Action a : rec.lastPlan().actions()) {
                if (a.kind() == ActionKind.WAIT) {
                    log.info("waiting", new Key(a.id(), a.version() == null ? "-" : a.version()), a.reason());
                }
            }
        }
        int failures = rec.failures();
        log.info("done", null, failures == 0 ? "everything due now is done" : failures + " start(s) or stop(s) failed");
        return failures == 0 ? 0 : 1;
    }

    private void reload(Reconciler rec, LineEventLog log, boolean hangup) {
        Path f = settings.configFile();
        if (hangup) {
            log.info("sighup", null, "SIGHUP received: reading " + f + " again");
        }
        if (!Files.exists(f)) {
            rejected = true;
            log.warn("file-rejected", null, f + " is missing; keeping the last valid file in force");
            return;
        }
        CheckResult r = loader.load(f);
        if (!r.valid()) {
            rejected = true;
            long errors = r.diagnostics().stream().filter(Diagnostic::isError).count();
            log.warn("file-rejected", null, f + " is invalid (" + errors + " error" + (errors == 1 ? "" : "s")
                    + "), nothing changes: the last valid file stays in force");
            for (Diagnostic d : r.diagnostics()) {
                log.warn("file-rejected", null, d.toLine()); // one per line, as procrust check prints them
            }
            return;
        }
        Config c = r.config();
        if (!c.uid().equals(rec.config().uid())) {
            rejected = true;
            log.warn("file-rejected", null, f + " now has uid " + c.uid() + " but this apply manages uid "
                    + rec.config().uid() + ": nothing changes; start a new apply for the new uid");
            return;
        }
        boolean same = c.equals(rec.config());
        if (rejected) {
            // the operator fixed the file: say so once, whether or not it differs from the one in force
            rejected = false;
            log.info("file-accepted", null, f + " is valid again" + (same ? " and says what the file in force says"
                    : "") + ": it is in force from now on");
        }
        if (same) {
            log.log(hangup ? EventLog.Level.INFO : EventLog.Level.DEBUG, "file-unchanged", null,
                    f + (hangup ? " says the same as before: nothing to do" : " changed on disk but says the same"));
            return;
        }
        rec.replaceConfig(c);
        currentConfig = c;
        log.info("file-reloaded", null, f + ": " + c.processes().size() + " entries; planning again");
    }

    /**
     * The state with the records a restart will signal proven ours again (pid, start time, boot id),
     * as at apply's start: an adopted process is otherwise looked at in full only every 10 s.
     */
    private StateFile proven(Reconciler rec, Requests.Request q) {
        StateFile current = rec.state();
        if (!"restart".equals(q.op())) {
            return current;
        }
        for (InstanceRecord r : ObservedReader.verify(current, rec.config(), host.table(), host.clock().instant())
                .state().instances()) {
            if (q.ids().contains(r.id())) {
                current = current.put(r);
            }
        }
        return current;
    }

    private void takeRequests(Reconciler rec, Path uidDir, LineEventLog log) throws IOException {
        for (Path p : Requests.pending(uidDir)) {
            try {
                Requests.Request q = Requests.read(p);
                java.util.List<String> heldBefore = rec.state().holds();
                StateFile s = Requests.applyTo(proven(rec, q), q, host.clock().instant());
                rec.replaceState(s);
                log.info("request", null, q.op() + " " + String.join(", ", q.ids()) + " (from " + p.getFileName() + ")");
                for (String id : q.ids()) {
                    boolean now = s.holds().contains(id);
                    if (now != heldBefore.contains(id)) {
                        events.held(id, now);
                    }
                }
            } catch (IOException | RuntimeException e) {
                log.warn("request-rejected", null, p.getFileName() + ": " + e.getMessage());
            }
            Files.deleteIfExists(p);
        }
    }
}
