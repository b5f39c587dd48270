package procrust.cli;

import procrust.plan.Action;
import procrust.plan.Plan;

/** The counts shown under a plan: changes by kind, and the actions that leave a process alone. */
record PlanSummary(int start, int stop, int replace, int unchanged) {

    static PlanSummary of(Plan plan) {
        int start = 0;
        int stop = 0;
        int replace = 0;
        int unchanged = 0;
        for (Action a : plan.actions()) {
            switch (a.kind()) {
                case START:
                    start++;
                    break;
                case STOP:
                    stop++;
                    break;
                case REPLACE:
                    replace++;
                    break;
                default:
                    unchanged++;
            }
        }
        return new PlanSummary(start, stop, replace, unchanged);
    }
}
