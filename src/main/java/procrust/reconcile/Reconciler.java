package procrust.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import procrust.config.Config;
import procrust.plan.Action;
import procrust.plan.ActionKind;
import procrust.plan.InstanceState;
import procrust.plan.Plan;
import procrust.state.InstanceRecord;
import procrust.state.StateFile;

/**
 * The level-based loop of apply, one {@link #step()} at a time: take in what happened (exits of
 * children, adopted processes found gone), move the liveness checks and the one stop or start health
 * check in progress on, plan
 * afresh from the records, perform the first change of the plan, persist. {@code step} never blocks
 * and returns when it wants to run again; {@link ApplySession} does the waiting. What is done to
 * instances, and applied from what each operation returns, is {@link Operations}. Not thread-safe:
 * only the loop's thread calls it (exit callbacks only queue and wake the loop).
 */
public final class Reconciler {

    /** How often processes that are not our children (adopted) are looked at in /proc. */
    public static final Duration ADOPTED_POLL = Watches.ADOPTED_POLL;
    /** One poll of adopted processes in this many proves each one's identity (see {@link Watches}). */
    static final int FULL_LOOK_EVERY = Watches.FULL_LOOK_EVERY;
    /** The longest sleep: a wall-clock jump is noticed within this. */
    public static final Duration MAX_SLEEP = Duration.ofSeconds(60);

    private final Effects fx;
    private final Watches watches;
    private final Operations ops;
    private final WallSteps steps;
    private final LastPlan lastPlan = new LastPlan();

    /**
     * @param verified the state after {@link ObservedReader#verify}: every record that claims a live
     *                 process was proven alive and ours; they are watched (polled) from now on
     */
    public Reconciler(Effects fx, Config config, StateFile verified, Runnable waker) {
        this.fx = fx;
        this.watches = new Watches(waker);
        this.ops = new Operations(fx, config, verified, watches, waker);
        this.steps = new WallSteps(procrust.runtime.Ticker.of(fx.clock()));
        for (InstanceRecord r : verified.instances()) {
            if (r.claimsLive()) {
                watches.adopt(new Key(r.id(), r.version()), r.pid());
            }
        }
    }

    public StateFile state() {
        return ops.state();
    }

    /** Replaces the state (requests taken, records found gone at start); written at once. */
    public void replaceState(StateFile s) {
        ops.state(s);
        ops.persist();
    }

    public Config config() {
        return ops.config();
    }

    /** A new valid file: planned from the next step on. */
    public void replaceConfig(Config c) {
        ops.config(c);
    }

    /** Replaces the holds (operator requests); planned from the next step on. */
    public void setHolds(List<String> holds) {
        ops.state(ops.state().withHolds(holds));
    }

    public Plan lastPlan() {
        return lastPlan.plan();
    }

    /** Failed starts, crashes and stuck stops seen since this apply began. */
    public int failures() {
        return ops.failures();
    }

    // ---- the step -------------------------------------------------------------------------------

    /** Does what is due now and returns when to step again (never later than {@link #MAX_SLEEP}). */
    public Instant step() {
        Instant now = fx.clock().instant();
        Duration jump = steps.step(now);
        if (!jump.isZero()) {
            ops.rebase(jump); // lengths of time keep their real length across a step of the wall clock
            watches.shift(jump);
        }
        boolean changed = ops.takeExits(now);
        changed |= ops.moveLiveness(now);
        changed |= ops.moveStop(now);
        if (ops.stopping()) {
            ops.persist();
            return min(ops.stopWake(now), now.plus(MAX_SLEEP));
        }
        changed |= ops.moveHealthCheck(now);
        if (ops.stopping()) { // the check failed and the rest of the group is stopped first
            ops.persist();
            return now;
        }
        ops.prune(now);
        if (!changed && lastPlan.stillHolds(ops.state(), ops.config(), watches.unadopted().size(), now)) {
            ops.persist();
            return nextWake(now); // nothing the plan depends on moved: it would come out the same
        }
        Action change = changed || !jump.isZero() ? null
                : lastPlan.nextStart(ops.state(), ops.config(), watches.unadopted().size(), now);
        if (change == null) {
            change = plan(now);
        }
        if (change != null) {
            perform(change, now);
            lastPlan.performed(change, ops.state(), upAtOnce(change));
            changed = true;
        }
        ops.persist();
        return changed ? now : nextWake(now);
    }

    /**
     * Plans afresh (only the ids touched since the last plan when that one changed nothing: see
     * {@link PartialPlan}), takes in the adoptions it says, and returns its first change (null: none).
     */
    private Action plan(Instant now) {
        StateFile state = ops.state();
        Plan plan = ops.busyChecking() ? null : lastPlan.partial(fx.planner(), state, ops.config(), watches.unadopted(), now);
        if (plan == null) {
            plan = fx.planner().plan(ops.config(), ObservedReader.toObserved(state, watches.unadopted()), now);
        }
        lastPlan.made(plan, state, ops.config(), now);
        for (Action a : plan.actions()) {
            if (a.kind() == ActionKind.ADOPT) {
                Key k = new Key(a.id(), a.version());
                if (watches.markAdopted(k)) {
                    fx.log().info("adopted", k, "pid " + state.find(a.id(), a.version()).map(InstanceRecord::pid)
                            .orElse(null) + " is alive and ours (start time and boot id match): " + a.reason());
                }
            }
        }
        lastPlan.unadoptedAfter(watches.unadopted().size());
        return plan.actions().stream().filter(Action::isChange).findFirst().orElse(null);
    }

    private void perform(Action a, Instant now) {
        switch (a.kind()) {
            case START -> ops.start(new Key(a.id(), a.version()), a.reason(), now);
            case STOP -> {
                Key k = new Key(a.id(), a.version());
                boolean keep = Entries.entry(ops.config(), k) != null && Entries.isActive(ops.config(), k, now);
                ops.stop(k, keep ? InstanceState.STOPPED : null, keep ? a.reason() : null, a.reason(), now);
            }
            case REPLACE -> ops.stop(new Key(a.id(), a.oldVersion()), null, null,
                    "replaced by version " + a.version() + ": " + a.reason(), now);
            default -> { }
        }
    }

    /**
     * A start that came up RUNNING at once, with no check in progress: it holds no other start back, and
     * (not a oneshot, which counts for its dependents only once COMPLETED) lets its dependents through.
     */
    private boolean upAtOnce(Action a) {
        if (a.kind() != ActionKind.START || ops.busyChecking()) {
            return false;
        }
        Key k = new Key(a.id(), a.version());
        InstanceRecord r = ops.record(k);
        procrust.config.ProcessSpec spec = Entries.entry(ops.config(), k);
        return r != null && r.state() == InstanceState.RUNNING && spec != null
                && spec.type() == procrust.config.ProcessType.NORMAL && spec.healthCheck() == null;
    }

    private Instant nextWake(Instant now) {
        Instant next = now.plus(MAX_SLEEP);
        next = min(next, lastPlan.plan() == null ? null : lastPlan.plan().nextChange());
        next = min(next, ops.nextWake(now));
        next = min(next, watches.nextPoll());
        return next.isBefore(now) ? now : next;
    }

    /**
     * True when nothing is in progress or due now (for {@code apply --once}): no stop, no health
     * check, no start of this run in its first second, no oneshot of this run still running, and
     * the last plan had no change.
     */
    public boolean idle() {
        return !ops.busy(fx.clock().instant()) && !watches.exitsPending() && lastPlan.plan() != null
                && !lastPlan.plan().hasChanges();
    }

    /** apply is ending: ends a health-check attempt in flight (services themselves are left alone). */
    public void shutdown() {
        ops.shutdown();
    }

    private static Instant min(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
