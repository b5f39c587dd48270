package procrust.reconcile;

import java.time.Instant;
import procrust.config.Config;
import procrust.config.ProcessSpec;

/** Look-ups in the file: the entry of an instance, and (SPEC §3 "Version") the active version of an id. */
final class Entries {

    private Entries() {
    }

    /** The non-fake entry of (id, version), or null. */
    static ProcessSpec entry(Config config, Key key) {
        for (ProcessSpec p : config.processes()) {
            if (p.id().equals(key.id()) && p.version().equals(key.version()) && !p.isFake()) {
                return p;
            }
        }
        return null;
    }

    /** True when (id, version) is the version of its id active at {@code at}. */
    static boolean isActive(Config config, Key key, Instant at) {
        ProcessSpec active = config.activeVersion(key.id(), at);
        return active != null && active.version().equals(key.version());
    }
}
