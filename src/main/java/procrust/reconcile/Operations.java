package procrust.reconcile;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import procrust.config.Config;
import procrust.config.ProcessSpec;
import procrust.config.Probe;
import procrust.health.AttemptStarter;
import procrust.health.Attempts;
import procrust.health.LivenessChecks;
import procrust.logs.LogFiles;
import procrust.logs.LogLineWatch;
import procrust.plan.InstanceState;
import procrust.runtime.Signal;
import procrust.state.InstanceRecord;
import procrust.state.StateFile;

/**
 * What the {@link Reconciler} does to instances, and what is in progress: starts, the one stop and the
 * one health check at a time, exits taken in. Each operation ({@link StartOp}, {@link StopOp},
 * {@link HealthOp}, {@link ExitRules}) only returns an {@link Outcome}; {@link #apply} is the one place
 * where outcomes take effect (events logged, failures counted, records put) and {@link #persist} the one
 * place the state is written. Not thread-safe: only the loop's thread calls it.
 */
final class Operations {

    private final Effects fx;
    private final Runnable waker;
    private final Watches watches;
    private final RecentStarts startedThisRun = new RecentStarts();
    private Config config;
    private StateFile state;
    private boolean dirty;
    private StopOp stop;
    private HealthOp health;
    private int failures;
    private final AttemptStarter attempts;
    private final LivenessOp liveness;
    /** Adopted instances whose pending health check this apply took up, and when. */
    private final java.util.Map<Key, Instant> checkAdoptedFrom = new java.util.HashMap<>();

    Operations(Effects fx, Config config, StateFile state, Watches watches, Runnable waker) {
        this.fx = fx;
        this.config = config;
        this.state = state;
        this.watches = watches;
        this.waker = waker;
        this.attempts = new Attempts(fx.probes(), fx.launcher(), fx.signaller(), fx.table());
        this.liveness = new LivenessOp(attempts, waker, state);
    }

    Config config() {
        return config;
    }

    /**
     * The wall clock stepped by {@code d} (NTP, an operator, a resumed VM): every duration in progress
     * keeps its real length, measured on the monotonic clock: back-off ends, health-check and stop
     * deadlines, spawn and RUNNING instants (uptimes, the first second, the stable 10 s) move with the
     * wall clock. Windows and versions follow the new time.
     */
    void rebase(java.time.Duration d) {
        fx.log().warn("clock-step", null, "the wall clock stepped " + WallSteps.describe(d) + "; back-offs, "
                + "timeouts and uptimes keep their real length, windows and versions follow the new time");
        StateFile s = state;
        for (InstanceRecord r : state.instances()) {
            InstanceRecord moved = r.shifted(d);
            if (moved != r) {
                s = s.put(moved);
            }
        }
        if (s != state) {
            state(s);
        }
        if (stop != null) {
            stop.shift(d);
        }
        if (health != null) {
            health.shift(d);
        }
        liveness.shift(d);
        checkAdoptedFrom.replaceAll((k, t) -> t.plus(d));
    }

    void config(Config c) {
        config = c;
    }

    StateFile state() {
        return state;
    }

    void state(StateFile s) {
        state = s;
        dirty = true;
    }

    InstanceRecord record(Key k) {
        return state.find(k.id(), k.version()).orElse(null);
    }

    int failures() {
        return failures;
    }

    /**
     * Applies what an operation came to: logs its events, counts its failure, puts its record in
     * place. An ended process whose group outlives its leader has the group stopped first (the
     * record is STOPPING until no member is left, then becomes the outcome).
     */
    private void apply(Outcome o, Instant now) {
        Key k = o.key();
        for (Outcome.Event e : o.events()) {
            fx.log().log(e.level(), e.name(), k, e.message());
        }
        if (o.failure()) {
            failures++;
        }
        switch (o.change()) {
            case PUT -> state(state.put(o.record()));
            case REMOVE -> state(state.remove(k.id(), k.version()));
            case ENDED -> {
                InstanceRecord was = record(k);
                if (o.groupOurs() && was != null && was.pid() != null && fx.table().groupAlive(was.pid())) {
                    InstanceRecord stopping = o.record().toBuilder().afterStop(o.record().state()).processOf(was)
                            .state(InstanceState.STOPPING, now).build();
                    state(state.put(stopping));
                    if (stop == null) {
                        beginStop(stopping, "the rest of its process group outlived it", now);
                    } // else: resumed once the stop in progress is over
                    return;
                }
                watches.forget(k);
                state(state.put(o.record()));
            }
            default -> { }
        }
    }

    // ---- exits --------------------------------------------------------------------------------

    /** Takes in the exits of children and the adopted processes found gone; true when a record changed. */
    boolean takeExits(Instant now) {
        boolean changed = false;
        for (Watches.Ended e : watches.exited(state)) {
            changed |= ended(e, now);
        }
        for (Watches.Ended e : watches.adoptedGone(state, fx.table(), now)) {
            changed |= ended(e, now);
        }
        return changed;
    }

    /** A watched process ended; false when it was being stopped (the stop sees its group go). */
    private boolean ended(Watches.Ended e, Instant now) {
        InstanceRecord r = e.record();
        Key k = new Key(r.id(), r.version());
        if (r.state() == InstanceState.STOPPING) {
            return false; // the stop in progress (or to resume) sees the group go
        }
        watches.markAdopted(k);
        endHealthCheckOf(k);
        apply(Outcome.ended(k, ExitRules.exited(r, Entries.entry(config, k), e.code(), now), e.groupOurs()), now);
        return true;
    }

    // ---- stops ----------------------------------------------------------------------------------

    boolean stopping() {
        return stop != null;
    }

    /**
     * Moves the stop in progress on, resuming one begun earlier when there is none; true when one
     * finished. While one lasts, nothing else is done ({@link #stopWake} says when to look again).
     */
    boolean moveStop(Instant now) {
        if (stop == null) {
            stop = resumeStop(now);
        }
        if (stop == null) {
            return false;
        }
        Outcome o = stop.progress(record(stop.key), fx, now);
        if (o.over()) {
            watches.forget(stop.key);
            stop = null;
        }
        apply(o, now);
        return o.over();
    }

    Instant stopWake(Instant now) {
        return stop.nextWake(now);
    }

    private StopOp resumeStop(Instant now) {
        for (InstanceRecord r : state.instances()) {
            if (r.state() == InstanceState.STOPPING && r.pid() != null) {
                endHealthCheckOf(new Key(r.id(), r.version())); // a restart asked during its start
                return beginStop(r, procrust.state.Requests.RESTART_NOTE.equals(r.note())
                        ? procrust.state.Requests.RESTART_NOTE : "resuming a stop begun earlier", now);
            }
        }
        return null;
    }

    /** Sends the stop signal to the record's group and makes it the stop in progress. */
    private StopOp beginStop(InstanceRecord r, String why, Instant now) {
        Key k = new Key(r.id(), r.version());
        Duration timeout = stopTimeoutOf(k);
        Signal first = stopSignalOf(k);
        fx.log().info("stopping", k, "SIG" + first.name() + " to process group " + r.pid() + " (stop_timeout "
                + HealthOp.human(timeout) + "): " + why);
        stop = StopOp.begin(k, r.pid(), first, timeout, fx.signaller(), now);
        return stop;
    }

    /** The entry's stop_signal, as its stop_timeout: for a version no longer in the file, the one recorded at its start. */
    private Signal stopSignalOf(Key k) {
        ProcessSpec s = Entries.entry(config, k);
        String name = s != null ? s.runAs().stopSignal()
                : state.find(k.id(), k.version()).map(r -> r.fingerprint().stopSignal()).orElse(null);
        return Signal.named(name);
    }

    /** The entry's stop_timeout; for a version no longer in the file, the one recorded at its start. */
    private Duration stopTimeoutOf(Key k) {
        ProcessSpec s = Entries.entry(config, k);
        if (s != null) {
            return s.stopTimeout();
        }
        Duration recorded = state.find(k.id(), k.version()).map(r -> r.fingerprint().stopTimeout()).orElse(null);
        return recorded == null ? ProcessSpec.DEFAULT_STOP_TIMEOUT : recorded;
    }

    /** Stops the instance's group; its record is STOPPING meanwhile and then becomes {@code after} (null: forgotten). */
    void stop(Key k, InstanceState after, String note, String why, Instant now) {
        InstanceRecord r = record(k);
        if (r == null || r.pid() == null) {
            return;
        }
        // not our child, and looked at only every 2 s (its identity every 10 s): proven again before its
        // group is signalled, so that a pid reused meanwhile never is; if it ended, the next plan decides
        Watches.Ended gone = watches.isAdopted(k) ? watches.unlessStillOurs(r, fx.table(), fx.table().bootId()) : null;
        if (gone != null && ended(gone, now)) {
            return;
        }
        endHealthCheckOf(k);
        InstanceRecord stopping = r.toBuilder().state(InstanceState.STOPPING, now).afterStop(after).note(note).build();
        state(state.put(stopping));
        persist();
        beginStop(stopping, why, now);
    }

    // ---- starts and health checks ---------------------------------------------------------------

    /** Spawns gated, writes the new pid to disk, and only then lets the command run. */
    void start(Key k, String reason, Instant now) {
        ProcessSpec spec = Entries.entry(config, k);
        LogLineWatch watch = logLineWatch(k, spec); // from the log's end just before the spawn
        StartOp.Launch launch = StartOp.spawn(k, spec, record(k), config, fx, now);
        apply(launch.outcome(), now);
        if (launch.spawned() == null) {
            return;
        }
        Outcome released = StartOp.release(launch, persist(), spec, reason, fx.logDir(), now);
        apply(released, now);
        if (released.failure()) {
            return;
        }
        launch.spawned().gate().open(); // after "started" is logged: its marker comes first in the service's log
        startedThisRun.add(k);
        watches.child(k, launch.spawned().pid(), launch.spawned().exit());
        if (spec.healthCheck() != null) {
            health = new HealthOp(k, spec.healthCheck(), now, now, watch, waker);
        }
    }

    /** For a {@code log_line} start check: a watch of the log from its end now, else null. */
    private LogLineWatch logLineWatch(Key k, ProcessSpec spec) {
        if (spec == null || spec.healthCheck() == null || spec.healthCheck().probe().kind() != Probe.Kind.LOG_LINE) {
            return null;
        }
        try {
            return LogLineWatch.fromEnd(LogFiles.fileFor(fx.logDir(), k.id()), spec.healthCheck().probe().pattern());
        } catch (IOException | RuntimeException e) {
            fx.log().warn("health-check", k, "cannot watch the log: " + e.getMessage());
            return null;
        }
    }

    /** Moves the health check in progress on (taking up a pending one when there is none); true when one ended. */
    boolean moveHealthCheck(Instant now) {
        if (health == null) {
            health = pendingHealthCheck(now);
        }
        if (health == null) {
            return false;
        }
        ProcessSpec spec = Entries.entry(config, health.key);
        if (spec == null) {
            endHealthCheckOf(health.key);
            return false;
        }
        Outcome o = health.progress(record(health.key), spec, config, fx, attempts, now);
        if (o.over()) {
            health = null;
        }
        apply(o, now);
        return o.over();
    }

    private HealthOp pendingHealthCheck(Instant now) {
        for (InstanceRecord r : state.instances()) {
            if (r.state() == InstanceState.PENDING_HEALTH_CHECK && r.pid() != null) {
                ProcessSpec spec = Entries.entry(config, new Key(r.id(), r.version()));
                if (spec != null && spec.healthCheck() != null) {
                    Key k = new Key(r.id(), r.version());
                    // adopted while its check was pending (apply was down meanwhile, perhaps longer than the
                    // timeout): the check runs again with a whole timeout from when this apply takes it up,
                    // rather than failing at once a start that may well have come up while nobody watched
                    Instant from = startedThisRun.contains(k) && r.startedAt() != null ? r.startedAt()
                            : checkAdoptedFrom.computeIfAbsent(k, x -> now);
                    // resumed: a log_line check follows the log from its end now
                    return new HealthOp(k, spec.healthCheck(), from, now, logLineWatch(k, spec), waker);
                }
                if (spec != null) { // the check was removed from the file meanwhile: up now
                    state(state.put(r.toBuilder().state(InstanceState.RUNNING, now).runningSince(now).build()));
                }
            }
        }
        return null;
    }

    private void endHealthCheckOf(Key k) {
        if (health != null && health.key.equals(k)) {
            health.cancel();
            health = null;
        }
    }

    // ---- liveness ---------------------------------------------------------------------------------

    /**
     * Moves the liveness checks of RUNNING instances on; an instance found unhealthy is stopped (its
     * group, confirmed) and then backs off as its restart policy says. True when a record changed.
     */
    boolean moveLiveness(Instant now) {
        boolean changed = false;
        for (LivenessChecks.Unhealthy u : liveness.step(state, config, fx, now)) {
            Key k = new Key(u.id(), u.version());
            InstanceRecord r = record(k);
            ProcessSpec spec = Entries.entry(config, k);
            if (r == null || r.pid() == null || spec == null) {
                continue;
            }
            // an adopted process is proven ours again before its group is signalled
            Watches.Ended gone = watches.isAdopted(k) ? watches.unlessStillOurs(r, fx.table(), fx.table().bootId()) : null;
            if (gone != null) {
                changed |= ended(gone, now);
                continue;
            }
            fx.log().warn("unhealthy", k, u.reason() + ": stopping process group " + r.pid());
            apply(Outcome.ended(k, ExitRules.unhealthy(r.toBuilder().health(u.health()).build(), spec, u.reason(),
                    u.passedBefore(), now), true), now);
            changed = true;
        }
        return changed;
    }

    // ---- waking, pruning, persistence -------------------------------------------------------------

    /** The earliest instant something in progress wants a look (null: nothing). */
    Instant nextWake(Instant now) {
        Instant check = health == null ? null : health.nextWake();
        Instant firstSecond = startedThisRun.nextFirstSecondEnd(state, now);
        return earliest(earliest(check, firstSecond), liveness.nextWake());
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null || (b != null && b.isBefore(a)) ? b : a;
    }

    /** True while a stop or a start's health check is in progress. */
    boolean busyChecking() {
        return stop != null || health != null;
    }

    /** True while a stop, a health check, or a start of this run in its first second (or a oneshot) is under way. */
    boolean busy(Instant now) {
        return stop != null || health != null || startedThisRun.anyUnderway(state, now);
    }

    void prune(Instant now) {
        StateFile pruned = Pruning.prune(state, config, now, fx.log());
        if (pruned != state) {
            state(pruned);
        }
    }

    /** apply is ending: ends a health-check attempt in flight (services themselves are left alone). */
    void shutdown() {
        if (health != null) {
            endHealthCheckOf(health.key);
        }
        liveness.shutdown();
        persist();
    }

    /** Writes the state when it changed; returns null when it is on disk, else why not. */
    String persist() {
        if (!dirty && !liveness.writeDue(fx.clock().instant())) {
            return null;
        }
        try {
            fx.store().save(liveness.shown(state));
            dirty = false;
            liveness.written();
            return null;
        } catch (IOException e) {
            fx.log().log(EventLog.Level.ERROR, "state-write-failed", null, "cannot write " + fx.store().file()
                    + ": " + e.getMessage() + " (will retry)");
            return "cannot write " + fx.store().file().getFileName() + ": " + e.getMessage();
        }
    }
}
