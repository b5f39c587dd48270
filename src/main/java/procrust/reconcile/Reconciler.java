package procrust.reconcile;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import procrust.config.Config;
import procrust.config.ProcessSpec;
import procrust.plan.Action;
import procrust.plan.ActionKind;
import procrust.plan.InstanceState;
import procrust.plan.Plan;
import procrust.runtime.Signal;
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
    public static final Duration ADOPTED_POLL = Watches.ADOPTED_POLL;
    /** One poll of adopted processes in this many proves each one's identity (see {@link Watches}). */
    static final int FULL_LOOK_EVERY = Watches.FULL_LOOK_EVERY;
    /** The longest sleep: a wall-clock jump is noticed within this. */
    public static final Duration MAX_SLEEP = Duration.ofSeconds(60);

    private final Effects fx;
    private final Runnable waker;
    private Config config;
    private StateFile state;
    private boolean dirty;
    private final Watches watches;
    private final WallSteps steps;
    private final Set<Key> startedThisRun = new HashSet<>();
    /** Adopted instances whose pending health check this apply took up, and when. */
    private final Map<Key, Instant> checkAdoptedFrom = new java.util.HashMap<>();
    private StopOp stop;
    private HealthOp health;
    private Plan lastPlan;
    /** What {@link #lastPlan} was made from (identities: the records are immutable). */
    private StateFile plannedFrom;
    private Config plannedFor;
    private int plannedUnadopted;
    private Instant plannedAt;
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
        this.watches = new Watches(waker);
        this.steps = new WallSteps(procrust.runtime.Ticker.of(fx.clock()));
        for (InstanceRecord r : verified.instances()) {
            if (r.claimsLive()) {
                watches.adopt(new Key(r.id(), r.version()), r.pid());
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
        watches.forget(k);
    }

    /** The entry's stop_timeout; for a version no longer in the file, the one recorded at its start. */
    Duration stopTimeoutOf(Key k) {
        ProcessSpec s = Entries.entry(config, k);
        if (s != null) {
            return s.stopTimeout();
        }
        String recorded = state.find(k.id(), k.version()).map(r -> r.fingerprint().get("stop_timeout")).orElse(null);
        try {
            return recorded == null ? ProcessSpec.DEFAULT_STOP_TIMEOUT : Duration.parse(recorded);
        } catch (java.time.format.DateTimeParseException e) {
            return ProcessSpec.DEFAULT_STOP_TIMEOUT;
        }
    }

    // ---- the step -------------------------------------------------------------------------------

    /** Does what is due now and returns when to step again (never later than {@link #MAX_SLEEP}). */
    public Instant step() {
        Instant now = fx.clock().instant();
        Duration jump = steps.step(now);
        if (!jump.isZero()) {
            rebase(jump);
        }
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
        if (!changed && planStillHolds(now)) {
            persist();
            return nextWake(now); // nothing the plan depends on moved: it would come out the same
        }
        lastPlan = fx.planner().plan(config, ObservedReader.toObserved(state, watches.unadopted()), now);
        plannedFrom = state;
        plannedFor = config;
        plannedAt = now;
        for (Action a : lastPlan.actions()) {
            if (a.kind() == ActionKind.ADOPT) {
                Key k = new Key(a.id(), a.version());
                if (watches.markAdopted(k)) {
                    fx.log().info("adopted", k, "pid " + state.find(a.id(), a.version()).map(InstanceRecord::pid)
                            .orElse(null) + " is alive and ours (start time and boot id match): " + a.reason());
                }
            }
        }
        // after the adoptions it says: made again, the plan would only say "keep" where it said "adopt"
        plannedUnadopted = watches.unadopted().size();
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

    /**
     * The wall clock stepped by {@code d} (NTP, an operator, a resumed VM): every duration in progress
     * keeps its real length, measured on the monotonic clock: back-off ends, health-check and stop
     * deadlines, spawn and RUNNING instants (uptimes, the first second, the stable 10 s) and the next
     * look at adopted processes move with the wall clock. Windows and versions follow the new time.
     */
    private void rebase(Duration d) {
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
            setState(s);
        }
        if (stop != null) {
            stop.shift(d);
        }
        if (health != null) {
            health.shift(d);
        }
        watches.shift(d);
        checkAdoptedFrom.replaceAll((k, t) -> t.plus(d));
    }

    /**
     * True when the last plan is still the plan: it changed nothing, and since it was made neither the
     * state, nor the file, nor the set of instances still to adopt moved, its {@code nextChange} has
     * not come, no more than {@link #MAX_SLEEP} passed and the clock did not go back. A step woken
     * only to look at adopted processes (every 2 s, for as long as they live) then costs a look at
     * /proc, not a plan of every entry.
     */
    private boolean planStillHolds(Instant now) {
        return lastPlan != null && !lastPlan.hasChanges() && plannedFrom == state && plannedFor == config
                && plannedUnadopted == watches.unadopted().size() && !now.isBefore(plannedAt)
                && now.isBefore(plannedAt.plus(MAX_SLEEP))
                && (lastPlan.nextChange() == null || now.isBefore(lastPlan.nextChange()));
    }

    private Instant nextWake(Instant now) {
        Instant next = now.plus(MAX_SLEEP);
        next = min(next, lastPlan == null ? null : lastPlan.nextChange());
        if (health != null) {
            next = min(next, health.nextWake());
        }
        next = min(next, watches.nextPoll());
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
        if (stop != null || health != null || watches.exitsPending() || lastPlan == null || lastPlan.hasChanges()) {
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
        for (Watches.Exit e : watches.drainExits()) {
            InstanceRecord r = state.find(e.key().id(), e.key().version()).orElse(null);
            if (r != null && r.pid() != null && r.pid() == e.pid()) {
                changed |= ended(r, e.code(), now, true);
            }
        }
        return changed;
    }

    private boolean pollAdopted(Instant now) {
        boolean changed = false;
        String boot = null;
        Watches.Poll poll = watches.dueAdopted(now);
        if (poll.keys().isEmpty()) {
            return false;
        }
        Map<Key, InstanceRecord> byKey = new java.util.HashMap<>();
        for (InstanceRecord r : state.instances()) {
            byKey.put(new Key(r.id(), r.version()), r);
        }
        for (Key k : poll.keys()) {
            InstanceRecord r = byKey.get(k);
            if (r == null || r.pid() == null) {
                watches.forget(k);
                continue;
            }
            // between full looks, a live (non-zombie) process under the pid is taken for the one adopted
            if (!poll.full() && fx.table().alive(r.pid())) {
                continue;
            }
            boot = boot == null ? fx.table().bootId() : boot;
            changed |= endUnlessStillOurs(r, boot, now);
        }
        return changed;
    }

    /**
     * Proves that the adopted process of {@code r} is still alive and the one adopted (start time,
     * boot id, not a zombie); when it is not, forgets the watch and handles its end like any other
     * (exit code unknown), without signalling anything. Returns true when it ended.
     */
    private boolean endUnlessStillOurs(InstanceRecord r, String boot, Instant now) {
        Adoption.Verdict v = Adoption.check(r, fx.table().stat(r.pid()), boot);
        if (v == Adoption.Verdict.ALIVE) {
            return false;
        }
        watches.forget(new Key(r.id(), r.version()));
        return ended(r, null, now, Adoption.groupStillOurs(v));
    }

    /** The leader of {@code r} ended with {@code code} (null: unknown). */
    private boolean ended(InstanceRecord r, Integer code, Instant now, boolean groupOurs) {
        Key k = new Key(r.id(), r.version());
        if (r.state() == InstanceState.STOPPING) {
            return false; // the stop in progress (or to resume) sees the group go
        }
        watches.markAdopted(k);
        if (health != null && health.key.equals(k)) {
            health.killProbe(this, Signal.KILL);
            health = null;
        }
        ExitRules.Outcome o = ExitRules.exited(r, Entries.entry(config, k), code, now);
        fx.log().log(o.failure() ? EventLog.Level.WARN : EventLog.Level.INFO, o.event(), k, o.record().note());
        if (o.failure()) {
            failures++;
        }
        settle(r, o.record(), now, groupOurs);
        return true;
    }

    /**
     * Puts the outcome of an exit in place. When members of the group outlive the leader they are
     * stopped first (the record is STOPPING until they are gone, then becomes the outcome).
     * {@code groupOurs}: the group id is provably still ours (see {@link Adoption#groupStillOurs}).
     */
    private void settle(InstanceRecord was, InstanceRecord outcome, Instant now, boolean groupOurs) {
        Key k = new Key(was.id(), was.version());
        if (groupOurs && was.pid() != null && fx.table().groupAlive(was.pid())) {
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

    void failureCounted() {
        failures++;
    }

    /** A failed start of a live instance (health check timeout): stop its group, then the outcome. */
    void failStart(InstanceRecord rec, ProcessSpec spec, String why, Instant now) {
        ExitRules.Outcome o = ExitRules.failedStart(rec, spec, why, now);
        fx.log().warn(o.event(), new Key(rec.id(), rec.version()), o.record().note());
        failures++;
        settle(rec, o.record(), now, true);
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
        // not our child, and looked at only every 2 s (its identity every 10 s): proven again before its
        // group is signalled, so that a pid reused meanwhile never is; if it ended, the next plan decides
        if (watches.isAdopted(k) && endUnlessStillOurs(r, fx.table().bootId(), now)) {
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
                Spawned sp = Starter.start(this, new Key(a.id(), a.version()), a.reason(), now);
                if (sp != null) {
                    Key k = new Key(a.id(), a.version());
                    startedThisRun.add(k);
                    watches.child(k, sp.pid(), sp.exit());
                    ProcessSpec spec = Entries.entry(config, k);
                    if (spec.healthCheck() != null) {
                        health = new HealthOp(k, spec.healthCheck(), now, now);
                    }
                }
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

    // ---- health, pruning, persistence -------------------------------------------------------------

    private HealthOp pendingHealth(Instant now) {
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
                    return new HealthOp(k, spec.healthCheck(), from, now);
                }
                if (spec != null) { // the check was removed from the file meanwhile: up now
                    setState(state.put(r.toBuilder().state(InstanceState.RUNNING, now).runningSince(now).build()));
                }
            }
        }
        return null;
    }

    private void prune(Instant now) {
        StateFile pruned = Pruning.prune(state, config, now, fx.log());
        if (pruned != state) {
            setState(pruned);
        }
    }

    /** Writes the state when it changed; returns null when it is on disk, else why not. */
    String persist() {
        if (!dirty) {
            return null;
        }
        try {
            fx.store().save(state);
            dirty = false;
            return null;
        } catch (IOException e) {
            fx.log().log(EventLog.Level.ERROR, "state-write-failed", null, "cannot write " + fx.store().file()
                    + ": " + e.getMessage() + " (will retry)");
            return "cannot write " + fx.store().file().getFileName() + ": " + e.getMessage();
        }
    }

    private static Instant min(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
