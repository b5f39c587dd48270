package procrust.plan;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import procrust.config.Config;
import procrust.config.ProcessSpec;

/**
 * When the active version of an id changes: the instants of its versions, each with the version that
 * {@link Config#activeAmong} (SPEC §3's one rule, the planner's too) names from then on. For the
 * timeline ({@link Timeline}), which needs every change in a range rather than the version at one instant.
 */
public final class Activation {

    /** One version taking over at {@code at}; it stays active until the next step of the same id. */
    public record Step(Instant at, ProcessSpec spec) {
    }

    private Activation() {
    }

    /**
     * The non-fake entries of one id (in file order) as the steps in which they become active, in time
     * order: at each distinct {@code apply_on} instant, the version {@link Config#activeAmong} (the one
     * rule of SPEC §3, which the planner uses too) names then. An entry that shares its instant with a
     * later entry of the file is never active and is left out.
     */
    public static List<Step> steps(List<ProcessSpec> entries, ZoneId zone) {
        TreeSet<Instant> instants = new TreeSet<>();
        for (ProcessSpec p : entries) {
            if (!p.isFake()) {
                instants.add(p.applyInstant(zone));
            }
        }
        List<Step> out = new ArrayList<>(instants.size());
        for (Instant t : instants) {
            out.add(new Step(t, Config.activeAmong(entries, zone, t)));
        }
        return out;
    }

    /** The index of the step active at {@code t}: the last one not after it, or -1 when none is. */
    public static int activeIndex(List<Step> steps, Instant t) {
        int lo = 0;
        int hi = steps.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (steps.get(mid).at().isAfter(t)) {
                hi = mid - 1;
            } else {
                found = mid;
                lo = mid + 1;
            }
        }
        return found;
    }
}
