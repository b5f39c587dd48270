package procrust.reconcile;

import java.time.Instant;
import procrust.config.Config;
import procrust.plan.InstanceState;
import procrust.state.InstanceRecord;
import procrust.state.StateFile;

/**
 * Forgets records that cannot matter any more (contract rule 2): not alive, and their version is
 * gone from the file (or fake), or, for STOPPED, BACKOFF and WAITING, no longer the active version.
 * COMPLETED and FAILED of an inactive version are kept: a rollback to it must not re-run a oneshot
 * or retry a FAILED entry that did not change.
 */
final class Pruning {

    private Pruning() {
    }

    /** The pruned state, or {@code s} itself when nothing was dropped. */
    static StateFile prune(StateFile s, Config config, Instant now, EventLog log) {
        StateFile out = s;
        for (InstanceRecord r : s.instances()) {
            if (r.claimsLive() || r.state() == InstanceState.STOPPING) {
                continue;
            }
            Key k = new Key(r.id(), r.version());
            boolean inFile = Entries.entry(config, k) != null;
            boolean transientState = r.state() == InstanceState.STOPPED || r.state() == InstanceState.BACKOFF
                    || r.state() == InstanceState.WAITING;
            if (!inFile || (transientState && !Entries.isActive(config, k, now))) {
                out = out.remove(r.id(), r.version());
                log.debug("forget", k, "record dropped: " + (inFile ? "no longer the active version" : "no longer in the file"));
            }
        }
        return out;
    }
}
