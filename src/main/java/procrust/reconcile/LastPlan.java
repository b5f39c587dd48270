package procrust.reconcile;

import java.time.Instant;
import procrust.config.Config;
import procrust.plan.Plan;
import procrust.state.StateFile;

/**
 * The last plan and what it was made from (identities: records and files are immutable). It is still
 * the plan when it changed nothing, and since it was made neither the state, nor the file, nor the
 * number of instances still to adopt moved, its {@code nextChange} has not come, no more than
 * {@link Reconciler#MAX_SLEEP} passed and the clock did not go back. A step woken only to look at
 * adopted processes (every 2 s, for as long as they live) then costs a look at /proc, not a plan of
 * every entry.
 */
final class LastPlan {

    private Plan plan;
    private StateFile from;
    private Config madeFor;
    private int unadopted;
    private Instant at;

    Plan plan() {
        return plan;
    }

    void made(Plan p, StateFile s, Config c, Instant now) {
        plan = p;
        from = s;
        madeFor = c;
        at = now;
    }

    /** After the plan's adoptions: made again, it would only say "keep" where it said "adopt". */
    void unadoptedAfter(int n) {
        unadopted = n;
    }

    boolean stillHolds(StateFile s, Config c, int unadoptedNow, Instant now) {
        return plan != null && !plan.hasChanges() && from == s && madeFor == c && unadopted == unadoptedNow
                && !now.isBefore(at) && now.isBefore(at.plus(Reconciler.MAX_SLEEP))
                && (plan.nextChange() == null || now.isBefore(plan.nextChange()));
    }
}
