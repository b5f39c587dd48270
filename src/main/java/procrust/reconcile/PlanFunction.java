package procrust.reconcile;

import java.time.Instant;
import procrust.config.Config;
import procrust.plan.Observed;
import procrust.plan.Plan;

/** The planner as the reconciler sees it: {@code procrust.plan.Planner::plan}. */
@FunctionalInterface
public interface PlanFunction {
    Plan plan(Config config, Observed observed, Instant at);
}
