package procrust.reconcile;

import java.time.Instant;
import java.util.List;
import procrust.config.Config;
import procrust.plan.Action;
import procrust.plan.ActionKind;
import procrust.plan.Plan;
import procrust.state.StateFile;

/**
 * The last plan and what it was made from (identities: records and files are immutable). It is still
 * the plan when it changed nothing, and since it was made neither the state, nor the file, nor the
 * number of instances still to adopt moved, its {@code nextChange} has not come, no more than
 * {@link Reconciler#MAX_SLEEP} passed and the clock did not go back. A step woken only to look at
 * adopted processes (every 2 s, for as long as they live) then costs a look at /proc, not a plan of
 * every entry.
 *
 * <p>It also says the next start of a plan whose starts are being performed one after the other
 * ({@link #nextStart}): when the only thing that happened since the plan was made is its own starts,
 * each of which came up RUNNING at once (no start check, not a oneshot), a plan made afresh would say
 * the same for every other id, so the next start is the plan's next one. A bring-up of 1,000 services
 * then plans once, not 1,000 times (issue 18: a plan at 1,000 services costs about 3 MB and 10 ms).
 */
final class LastPlan {

    private Plan plan;
    private StateFile from;
    private Config madeFor;
    private int unadopted;
    private Instant at;
    /** The position in the plan of the last start performed from it (-1: none), and the state it left. */
    private int performed = -1;
    private StateFile performedLeft;

    Plan plan() {
        return plan;
    }

    void made(Plan p, StateFile s, Config c, Instant now) {
        plan = p;
        from = s;
        madeFor = c;
        at = now;
        performed = -1;
        performedLeft = null;
    }

    /** After the plan's adoptions: made again, it would only say "keep" where it said "adopt". */
    void unadoptedAfter(int n) {
        unadopted = n;
    }

    boolean stillHolds(StateFile s, Config c, int unadoptedNow, Instant now) {
        return plan != null && !plan.hasChanges() && from == s && madeFor == c && unadopted == unadoptedNow
                && current(now);
    }

    private boolean current(Instant now) {
        return !now.isBefore(at) && now.isBefore(at.plus(Reconciler.MAX_SLEEP))
                && (plan.nextChange() == null || now.isBefore(plan.nextChange()));
    }

    /** The ids' dependencies of the file in force, for {@link #partial} (made again with each new file). */
    private PartialPlan partialFor;

    /**
     * The plan at {@code now} made by planning only the ids touched since the last plan (see
     * {@link PartialPlan}), or null when the whole plan is needed: the last plan changed something, or
     * was made for another file, for other adoptions, or before its {@code nextChange} or a minute ago.
     */
    Plan partial(PlanFunction planner, StateFile s, Config c, java.util.Set<Key> unadoptedNow, Instant now) {
        if (plan == null || c != madeFor || unadopted != unadoptedNow.size() || !current(now)) {
            return null;
        }
        if (partialFor == null || partialFor.config != c) {
            partialFor = new PartialPlan(c);
        }
        return partialFor.plan(planner, plan, from, s, unadoptedNow, now);
    }

    /**
     * {@code a}, a change of this plan, was performed and left the state {@code left}; {@code upAtOnce}:
     * it was a start that came up RUNNING at once, which does not hold any other id back, nor lets a
     * dependent through that the plan held back (a dependent of a start comes after it in the plan).
     */
    void performed(Action a, StateFile left, boolean upAtOnce) {
        if (plan == null || a.kind() != ActionKind.START || !upAtOnce) {
            performed = -1;
            performedLeft = null;
            return;
        }
        List<Action> actions = plan.actions();
        int i = performed + 1;
        while (i < actions.size() && actions.get(i) != a) {
            i++;
        }
        performed = i < actions.size() ? i : -1;
        performedLeft = performed < 0 ? null : left;
    }

    /**
     * The plan's next change when it is a start and nothing but the plan's own starts happened since
     * it was made (the state is the one the last of them left, the file and the adoptions the same, the
     * plan's {@code nextChange} not come); null when the plan must be made afresh.
     */
    Action nextStart(StateFile s, Config c, int unadoptedNow, Instant now) {
        if (plan == null || performed < 0 || s != performedLeft || c != madeFor || unadopted != unadoptedNow
                || !current(now)) {
            return null;
        }
        List<Action> actions = plan.actions();
        for (int i = performed + 1; i < actions.size(); i++) {
            Action a = actions.get(i);
            if (a.isChange()) {
                return a.kind() == ActionKind.START ? a : null;
            }
        }
        return null;
    }
}
