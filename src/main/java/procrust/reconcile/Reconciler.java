package procrust.reconcile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import procrust.config.Config;
import procrust.config.ProcessSpec;
import procrust.config.ProcessType;
import procrust.logs.LogFiles;
import procrust.plan.Action;
import procrust.plan.ActionKind;
import procrust.plan.InstanceState;
import procrust.plan.Plan;
import procrust.runtime.Signal;
import procrust.runtime.SpawnRequest;
import procrust.runtime.Spawned;
import procrust.state.InstanceRecord;
import procrust.state.StateFile;

/**
 * The level-based loop of apply, one {@link #step()} at a time: take in what happened (exits of
 * children, adopted processes found gone), move the one stop or health check in progress on, plan
 * afresh from the records, perform the first change of the plan, persist. {@code step} never blocks
 * and returns when it wants to run again; {@link ApplyLoop} does the waiting. Not thread-safe: only
 * the loop's thread calls it (exit callbacks only queue and {@link #wake()}).
 */
public final class Reconciler {

    /** How often processes that are not our children (adopted) are looked at in /proc. */
    public static final Duration ADOPTED_POLL = Duration.ofSeconds(2);
    /** The longest sleep: a wall-clock jump is noticed within this. */
    public static final Duration MAX_SLEEP = Duration.ofSeconds(60);

    private record ExitEvent(Key key, long pid, int code) {
    }

    private final Effects fx;
    private final Runnable waker;
    private Config config;
    private StateFile state;
    private boolean dirty;
    private final Map<Key, Long> adoptedWatches = new LinkedHashMap<>();
    private final Map<Key, Long> childWatches = new HashMap<>();
    private final Set<Key> unadopted = new HashSet<>();
    private final Set<Key> startedThisRun = new HashSet<>();
    private final ConcurrentLinkedQueue<ExitEvent> exits = new ConcurrentLinkedQueue<>();
    private StopOp stop;
    private HealthOp health;
    private Plan lastPlan;
    private Instant nextAdoptedPoll = Instant.MIN;
    private int failures;

    /**
     * @param verified the state after {@link ObservedReader#verify}: every record that claims a live
     *                 process was proven alive and ours; they are watched (polled) from now on
     */
    public Reconciler(Effects fx, Config config, StateFile verified, Runnable waker) {
        this.fx = fx;
        this.config = config;
        this.state = verified;
        this.waker = waker;
        for (InstanceRecord r : verified.instances()) {
            if (r.claimsLive()) {
                Key k = new Key(r.id(), r.version());
                adoptedWatches.put(k, r.pid());
                unadopted.add(k);
            }
        }
    }

    // ---- accessors for StopOp / HealthOp / ApplyLoop -------------------------------------------

    Effects fx() {
        return fx;
    }

    public StateFile state() {
        return state;
    }

    void setState(StateFile s) {
        state = s;
        dirty = true;
    }

    public Config config() {
        return config;
    }

    /** A new valid file: planned from the next step on. */
    public void replaceConfig(Config c) {
        config = c;
    }

    /** Replaces the holds (operator requests); planned from the next step on. */
    public void setHolds(List<String> holds) {
        setState(state.withHolds(holds));
    }

    public Plan lastPlan() {
        return lastPlan;
    }

    /** Failed starts, crashes and stuck stops seen since this apply began. */
    public int failures() {
        return failures;
    }

    void countFailure() {
        failures++;
    }

    void wake() {
        waker.run();
    }

    void forgetWatch(Key k) {
        adoptedWatches.remove(k);
        childWatches.remove(k);
        unadopted.remove(k);
    }

    Duration stopTimeoutOf(Key k) {
        ProcessSpec s = Entries.entry(config, k);
        return s == null ? ProcessSpec.DEFAULT_STOP_TIMEOUT : s.stopTimeout();
    }

    // ---- the step -------------------------------------------------------------------------------

    /** Does what is due now and returns when to step again (never later than {@link #MAX_SLEEP}). */
    public Instant step() {
        Instant now = fx.clock().instant();
        boolean changed = takeExits(now);
        changed |= pollAdopted(now);
        if (stop == null) {
            stop = resumeStop(now);
        }
        if (stop != null) {
            if (!stop.progress(this, now)) {
                persist();
                return min(stop.nextWake(now), now.plus(MAX_SLEEP));
            }
            stop = null;
            changed = true;
        }
        if (health == null) {
            health = pendingHealth(now);
        }
        if (health != null) {
            ProcessSpec spec = Entries.entry(config, health.key);
            if (spec == null) {
                health.killProbe(this, Signal.KILL);
                health = null;
            } else if (health.progress(this, spec, now)) {
                health = null;
                changed = true;
            }
            if (stop != null) {
                persist();
                return now;
            }
        }
        prune(now);
        lastPlan = fx.planner().plan(config, ObservedReader.toObserved(state, unadopted), now);
        for (Action a : lastPlan.actions()) {
            if (a.kind() == ActionKind.ADOPT) {
                Key k = new Key(a.id(), a.version());
                if (unadopted.remove(k)) {
                    fx.log().info("adopted", k, "pid " + state.find(a.id(), a.version()).map(InstanceRecord::pid)
                            .orElse(null) + " is alive and ours (start time and boot id match): " + a.reason());
                }
            }
        }
        Action change = lastPlan.actions().stream().filter(Action::isChange).findFirst().orElse(null);
        if (change != null) {
            perform(change, now);
            changed = true;
        }
        persist();
        if (changed) {
            return now;
        }
        return nextWake(now);
    }

    private Instant nextWake(Instant now) {
        Instant next = now.plus(MAX_SLEEP);
        next = min(next, lastPlan == null ? null : lastPlan.nextChange());
        if (health != null) {
            next = min(next, health.nextWake());
        }
        if (!adoptedWatches.isEmpty()) {
            next = min(next, nextAdoptedPoll);
        }
        for (Key k : startedThisRun) {
            InstanceRecord r = state.find(k.id(), k.version()).orElse(null);
            if (r != null && r.state() == InstanceState.RUNNING && r.startedAt() != null
                    && now.isBefore(r.startedAt().plus(ExitRules.SETTLE))) {
                next = min(next, r.startedAt().plus(ExitRules.SETTLE));
            }
        }
        return next.isBefore(now) ? now : next;
    }

    /**
     * True when nothing is in progress or due now (for {@code apply --once}): no stop, no health
     * check, no start of this run in its first second, no oneshot of this run still running, and
     * the last plan had no change.
     */
    public boolean settled() {
        Instant now = fx.clock().instant();
        if (stop != null || health != null || !exits.isEmpty() || lastPlan == null || lastPlan.hasChanges()) {
            return false;
        }
        for (Key k : startedThisRun) {
            InstanceRecord r = state.find(k.id(), k.version()).orElse(null);
            if (r == null || !r.claimsLive()) {
                continue;
            }
            if (r.state() == InstanceState.PENDING_HEALTH_CHECK || "oneshot".equals(r.type())) {
                return false;
            }
            if (r.startedAt() != null && now.isBefore(r.startedAt().plus(ExitRules.SETTLE))) {
                return false;
            }
        }
        return true;
    }

    /** apply is ending: ends a health-check attempt in flight (services themselves are left alone). */
    public void shutdown() {
        if (health != null) {
            health.killProbe(this, Signal.KILL);
        }
        persist();
    }

    // ---- exits --------------------------------------------------------------------------------

    private boolean takeExits(Instant now) {
        boolean changed = false;
        ExitEvent e;
        while ((e = exits.poll()) != null) {
            InstanceRecord r = state.find(e.key.id(), e.key.version()).orElse(null);
            if (r == null || r.pid() == null || r.pid() != e.pid) {
                continue;
            }
            childWatches.remove(e.key);
            changed |= ended(r, e.code, now);
        }
        return changed;
    }

    private boolean pollAdopted(Instant now) {
        if (adoptedWatches.isEmpty() || now.isBefore(nextAdoptedPoll)) {
            return false;
        }
        nextAdoptedPoll = now.plus(ADOPTED_POLL);
        boolean changed = false;
        String boot = fx.table().bootId();
        for (Map.Entry<Key, Long> w : new ArrayList<>(adoptedWatches.entrySet())) {
            InstanceRecord r = state.find(w.getKey().id(), w.getKey().version()).orElse(null);
            if (r == null || r.pid() == null) {
                adoptedWatches.remove(w.getKey());
                continue;
            }
            if (Adoption.check(r, fx.table().stat(r.pid()), boot) != Adoption.Verdict.ALIVE) {
                adoptedWatches.remove(w.getKey());
                changed |= ended(r, null, now);
            }
        }
        return changed;
    }

    /** The leader of {@code r} ended with {@code code} (null: unknown). */
    private boolean ended(InstanceRecord r, Integer code, Instant now) {
        Key k = new Key(r.id(), r.version());
        if (r.state() == InstanceState.STOPPING) {
            return false; // the stop in progress (or to resume) sees the group go
        }
        unadopted.remove(k);
        if (health != null && health.key.equals(k)) {
            health.killProbe(this, Signal.KILL);
            health = null;
        }
        ExitRules.Outcome o = ExitRules.exited(r, Entries.entry(config, k), code, now);
        fx.log().log(o.failure() ? EventLog.Level.WARN : EventLog.Level.INFO, o.event(), k, o.record().note());
        if (o.failure()) {
            failures++;
        }
        settle(r, o.record(), now);
        return true;
    }

    /**
     * Puts the outcome of an exit in place. When members of the group outlive the leader they are
     * stopped first (the record is STOPPING until they are gone, then becomes the outcome).
     */
    private void settle(InstanceRecord was, InstanceRecord outcome, Instant now) {
        Key k = new Key(was.id(), was.version());
        if (was.pid() != null && fx.table().groupAlive(was.pid())) {
            InstanceRecord stopping = outcome.toBuilder().afterStop(outcome.state()).processOf(was)
                    .state(InstanceState.STOPPING, now).build();
            setState(state.put(stopping));
            if (stop == null) {
                beginStop(stopping, "the rest of its process group outlived it", now);
            } // else: resumed once the stop in progress is over
            return;
        }
        forgetWatch(k);
        setState(state.put(outcome));
    }

    /** A failed start of a live instance (health check timeout): stop its group, then the outcome. */
    void failStart(InstanceRecord rec, ProcessSpec spec, String why, Instant now) {
        ExitRules.Outcome o = ExitRules.failedStart(rec, spec, why, now);
        fx.log().warn(o.event(), new Key(rec.id(), rec.version()), o.record().note());
        failures++;
        settle(rec, o.record(), now);
    }

    // ---- stops ----------------------------------------------------------------------------------

    private StopOp resumeStop(Instant now) {
        for (InstanceRecord r : state.instances()) {
            if (r.state() == InstanceState.STOPPING && r.pid() != null) {
                return beginStop(r, "resuming a stop begun earlier", now);
            }
        }
        return null;
    }

    /** Sends SIGTERM to the record's group and makes it the stop in progress. */
    private StopOp beginStop(InstanceRecord r, String why, Instant now) {
        Key k = new Key(r.id(), r.version());
        Duration timeout = stopTimeoutOf(k);
        fx.log().info("stopping", k, "SIGTERM to process group " + r.pid() + " (stop_timeout "
                + HealthOp.human(timeout) + "): " + why);
        fx.signaller().signalGroup(r.pid(), Signal.TERM);
        stop = new StopOp(k, r.pid(), now.plus(timeout));
        return stop;
    }

    private void stopInstance(Key k, InstanceState after, String note, String why, Instant now) {
        InstanceRecord r = state.find(k.id(), k.version()).orElse(null);
        if (r == null || r.pid() == null) {
            return;
        }
        if (health != null && health.key.equals(k)) {
            health.killProbe(this, Signal.KILL);
            health = null;
        }
        InstanceRecord stopping = r.toBuilder().state(InstanceState.STOPPING, now).afterStop(after).note(note).build();
        setState(state.put(stopping));
        persist();
        beginStop(stopping, why, now);
    }

    // ---- actions ----------------------------------------------------------------------------------

    private void perform(Action a, Instant now) {
        switch (a.kind()) {
            case START:
                start(new Key(a.id(), a.version()), a.reason(), now);
                break;
            case STOP: {
                Key k = new Key(a.id(), a.version());
                boolean keep = Entries.entry(config, k) != null && Entries.isActive(config, k, now);
                stopInstance(k, keep ? InstanceState.STOPPED : null, keep ? a.reason() : null, a.reason(), now);
                break;
            }
            case REPLACE:
                stopInstance(new Key(a.id(), a.oldVersion()), null, null,
                        "replaced by version " + a.version() + ": " + a.reason(), now);
                break;
            default:
                break;
        }
    }

    private void start(Key k, String reason, Instant now) {
        ProcessSpec spec = Entries.entry(config, k);
        if (spec == null) {
            fx.log().log(EventLog.Level.ERROR, "bug", k, "the plan starts a version that is not in the file");
            return;
        }
        InstanceRecord was = state.find(k.id(), k.version()).orElse(null);
        InstanceRecord base = was != null ? was : InstanceRecord.fresh(k.id(), k.version(), spec.type().wire(), now);
        boolean retry = was != null && (was.state() == InstanceState.BACKOFF || was.state() == InstanceState.FAILED);
        InstanceRecord.Builder b = base.toBuilder();
        if (was != null && was.state() == InstanceState.FAILED) {
            b.failures(0); // the entry changed or an operator asked: a fresh series of attempts
        }
        if (retry) {
            b.restarts(base.restarts() + 1);
        }
        startedThisRun.add(k);
        Spawned sp;
        try {
            sp = fx.launcher().spawn(spawnRequest(spec, spec.command()));
        } catch (IOException | RuntimeException e) {
            InstanceRecord failed = b.gone(null).build();
            ExitRules.Outcome o = ExitRules.failedStart(failed, spec, "cannot start: " + e.getMessage(), now);
            fx.log().warn(o.event(), k, o.record().note());
            failures++;
            setState(state.put(o.record()));
            return;
        }
        boolean checked = spec.healthCheck() != null;
        b.process(spec.type().wire(), sp.pid(), sp.startTicks(), fx.table().bootId(), now, spec.fingerprint())
                .state(checked ? InstanceState.PENDING_HEALTH_CHECK : InstanceState.RUNNING, now)
                .runningSince(checked ? null : now).note(null);
        if (spec.type() == ProcessType.ONESHOT) {
            b.completedWindow(fx.windows().openingOf(spec, config.zone(), now));
        }
        setState(state.put(b.build()));
        childWatches.put(k, sp.pid());
        unadopted.remove(k);
        adoptedWatches.remove(k);
        long pid = sp.pid();
        sp.exit().thenAccept(code -> {
            exits.add(new ExitEvent(k, pid, code));
            waker.run();
        });
        fx.log().info("started", k, "pid " + pid + (checked ? ", health check next" : ", RUNNING") + ": " + reason);
        if (checked) {
            health = new HealthOp(k, spec.healthCheck(), now, now);
        }
    }

    /** The spawn of a command of this entry: its working dir, env + PROCRUST_*, its log file. */
    SpawnRequest spawnRequest(ProcessSpec spec, String command) {
        Map<String, String> env = new LinkedHashMap<>(spec.env());
        env.put("PROCRUST_UID", config.uid());
        env.put("PROCRUST_ID", spec.id());
        env.put("PROCRUST_VERSION", spec.version());
        Path wd = spec.workingDir() == null ? null : Path.of(spec.workingDir());
        return new SpawnRequest(command, wd, env, LogFiles.fileFor(fx.logDir(), spec.id()));
    }

    // ---- health, pruning, persistence -------------------------------------------------------------

    private HealthOp pendingHealth(Instant now) {
        for (InstanceRecord r : state.instances()) {
            if (r.state() == InstanceState.PENDING_HEALTH_CHECK && r.pid() != null) {
                ProcessSpec spec = Entries.entry(config, new Key(r.id(), r.version()));
                if (spec != null && spec.healthCheck() != null) {
                    return new HealthOp(new Key(r.id(), r.version()), spec.healthCheck(),
                            r.startedAt() == null ? now : r.startedAt(), now);
                }
                if (spec != null) { // the check was removed from the file meanwhile: up now
                    setState(state.put(r.toBuilder().state(InstanceState.RUNNING, now).runningSince(now).build()));
                }
            }
        }
        return null;
    }

    /** Forgets records that cannot matter any more: not alive, and their version is gone from the file
     * (or, for STOPPED, BACKOFF and WAITING, no longer the active version). */
    private void prune(Instant now) {
        for (InstanceRecord r : state.instances()) {
            if (r.claimsLive() || r.state() == InstanceState.STOPPING) {
                continue;
            }
            Key k = new Key(r.id(), r.version());
            boolean inFile = Entries.entry(config, k) != null;
            boolean transientState = r.state() == InstanceState.STOPPED || r.state() == InstanceState.BACKOFF
                    || r.state() == InstanceState.WAITING;
            if (!inFile || (transientState && !Entries.isActive(config, k, now))) {
                setState(state.remove(r.id(), r.version()));
                fx.log().debug("forget", k, "record dropped: " + (inFile ? "no longer the active version" : "no longer in the file"));
            }
        }
    }

    void persist() {
        if (!dirty) {
            return;
        }
        try {
            fx.store().save(state);
            dirty = false;
        } catch (IOException e) {
            fx.log().log(EventLog.Level.ERROR, "state-write-failed", null, "cannot write " + fx.store().file()
                    + ": " + e.getMessage() + " (will retry)");
        }
    }

    private static Instant min(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
