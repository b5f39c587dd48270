package procrust.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import procrust.config.ProcessSpec;

/**
 * One id during one plan: its versions in the file, the active and the next version at the instant,
 * what is observed of it, and what the plan decides for it. Identity equality (a graph vertex).
 */
final class Proc {

    final String id;
    /** Position of the id's first entry among the file's ids (observed-only ids after them). */
    final int index;
    final List<ProcessSpec> versions = new ArrayList<>(1);
    /** The non-fake version with the greatest apply_on not after the instant, or null. */
    ProcessSpec active;
    Instant activeAt;
    /** The first non-fake version that becomes active after the instant, or null. */
    ProcessSpec next;
    Instant nextAt;
    final List<ObservedInstance> observed = new ArrayList<>(1);
    boolean held;

    // --- what the plan decides --------------------------------------------------------------------
    /** Stops of live instances of this id. */
    final List<Action> stops = new ArrayList<>(0);
    /** True when the live instance of the active version is stopped by this plan. */
    boolean stoppingActive;
    /** The old live version the active one would replace. */
    ObservedInstance replaceFrom;
    /** The action for the active version (or the id's only wait), for dependents' reasons. */
    Action primary;
    boolean started;
    /** Actions that leave it alone (keep, adopt, wait). */
    final List<Action> others = new ArrayList<>(1);

    Proc(String id, int index) {
        this.id = id;
        this.index = index;
    }

    boolean inFile() {
        return !versions.isEmpty();
    }

    /** The file's entry of this version, or null. */
    ProcessSpec entry(String version) {
        for (ProcessSpec p : versions) {
            if (p.version().equals(version)) {
                return p;
            }
        }
        return null;
    }

    /** What is observed of this version, or null. */
    ObservedInstance observed(String version) {
        for (ObservedInstance o : observed) {
            if (o.version().equals(version)) {
                return o;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return id;
    }
}
