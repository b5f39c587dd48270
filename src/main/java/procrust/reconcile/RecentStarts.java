package procrust.reconcile;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import procrust.plan.InstanceState;
import procrust.state.InstanceRecord;
import procrust.state.StateFile;

/**
 * The instances this run of the reconciler started. An exit within {@link ExitRules#MIN_UPTIME} of its
 * spawn is a failed start, so the loop wakes when that first second ends, and {@code apply --once}
 * waits for it (and for health checks and oneshots of this run) before it reports.
 */
final class RecentStarts {

    private final Set<Key> keys = new HashSet<>();

    void add(Key k) {
        keys.add(k);
    }

    boolean contains(Key k) {
        return keys.contains(k);
    }

    /**
     * The earliest instant at which a RUNNING start of this run leaves its first second, or null.
     * Starts that can no longer be underway (forgotten, or RUNNING past their first second and not a
     * oneshot) are dropped here: this runs at every wake, and a hundred starts looked up in the state
     * at each would cost more than everything else an idle apply does.
     */
    Instant nextFirstSecondEnd(StateFile s, Instant now) {
        Instant next = null;
        for (java.util.Iterator<Key> it = keys.iterator(); it.hasNext(); ) {
            Key k = it.next();
            InstanceRecord r = s.find(k.id(), k.version()).orElse(null);
            if (r == null) {
                it.remove();
                continue;
            }
            if (r.state() == InstanceState.RUNNING && r.startedAt() != null && !"oneshot".equals(r.type())) {
                Instant end = r.startedAt().plus(ExitRules.MIN_UPTIME);
                if (now.isBefore(end)) {
                    next = next == null || end.isBefore(next) ? end : next;
                } else {
                    it.remove(); // settled: never underway again (a restart adds it anew)
                }
            }
        }
        return next;
    }

    /** True while a live start of this run is in its health check, in its first second, or a running oneshot. */
    boolean anyUnderway(StateFile s, Instant now) {
        for (Key k : keys) {
            InstanceRecord r = s.find(k.id(), k.version()).orElse(null);
            if (r == null || !r.claimsLive()) {
                continue;
            }
            if (r.state() == InstanceState.PENDING_HEALTH_CHECK || "oneshot".equals(r.type())) {
                return true;
            }
            if (r.startedAt() != null && now.isBefore(r.startedAt().plus(ExitRules.MIN_UPTIME))) {
                return true;
            }
        }
        return false;
    }
}
