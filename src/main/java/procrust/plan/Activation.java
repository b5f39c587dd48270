package procrust.plan;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import procrust.config.ProcessSpec;

/**
 * The version rule of SPEC §3, in one place: at instant t the active version of an id is its non-fake
 * entry with the greatest {@code apply_on} not after t; of entries with the same {@code apply_on}, the
 * later one in the file. The planner ({@link Facts}) and the timeline ({@link Timeline}) both ask here.
 */
public final class Activation {

    /** One version taking over at {@code at}; it stays active until the next step of the same id. */
    public record Step(Instant at, ProcessSpec spec) {
    }

    private Activation() {
    }

    /**
     * The non-fake entries of one id (in file order) as the steps in which they become active, in time
     * order. An entry that shares its instant with a later entry of the file is never active and is left
     * out.
     */
    public static List<Step> steps(List<ProcessSpec> entries, ZoneId zone) {
        List<Step> out = new ArrayList<>(entries.size());
        for (ProcessSpec p : entries) {
            if (!p.isFake()) {
                offer(out, new Step(p.applyInstant(zone), p));
            }
        }
        return out;
    }

    /**
     * Adds one non-fake entry, given in file order, to {@code steps} (kept in time order): an entry at
     * the instant of one already there replaces it (the later entry in the file wins).
     */
    static void offer(List<Step> steps, Step s) {
        int i = steps.size();
        while (i > 0 && steps.get(i - 1).at().isAfter(s.at())) {
            i--;
        }
        if (i > 0 && steps.get(i - 1).at().equals(s.at())) {
            steps.set(i - 1, s);
        } else {
            steps.add(i, s);
        }
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
