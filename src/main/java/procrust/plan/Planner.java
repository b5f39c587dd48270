package procrust.plan;

import java.time.Instant;
import procrust.config.Config;

/**
 * The only decision maker of procrust: what should happen to the host at an instant, given the file
 * and what is observed. Pure (no I/O, no clock): {@code plan} shows it, {@code apply} performs the
 * first change of it, observes again and plans afresh. The rules are those of SPEC §3 and the
 * plan/apply contract (docs/plan.md); windows are {@link Windows}.
 */
public final class Planner {

    private Planner() {
    }

    /**
     * The plan at {@code at}: stops (dependents before their dependencies), then replaces and starts
     * in the topological order of {@code depends_on} (ties in file order), then every process left
     * alone (keep, adopt, wait) in file order, each with its reason.
     */
    public static Plan plan(Config config, Observed observed, Instant at) {
        return new Planning(config, observed, at).run();
    }
}
