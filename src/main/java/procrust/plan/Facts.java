package procrust.plan;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import procrust.config.ApplyOn;
import procrust.config.Config;
import procrust.config.ProcessSpec;

/**
 * The facts one plan is made of, indexed once into one {@link Proc} per id: the file's versions, the
 * active version at the instant (the non-fake entry with the greatest {@code apply_on} not after it;
 * equal instants: the later entry in the file), the next one, and the observed instances.
 */
final class Facts {

    private final List<Proc> procs = new ArrayList<>();
    private final Map<String, Proc> byId = new HashMap<>();
    private final List<ObservedInstance> instances;

    Facts(Config config, Observed obs, Instant at) {
        ZoneId zone = config.zone();
        Map<ApplyOn, Instant> instants = new HashMap<>();
        for (ProcessSpec p : config.processes()) {
            Proc proc = proc(p.id());
            proc.versions.add(p);
            if (p.isFake()) {
                continue;
            }
            Instant when = instants.computeIfAbsent(p.applyOn(), a -> a.toInstant(zone));
            if (when.isAfter(at) && (proc.next == null || when.isBefore(proc.nextAt))) {
                proc.next = p;
                proc.nextAt = when;
            }
        }
        for (Proc proc : procs) {
            proc.active = Config.activeAmong(proc.versions, zone, at);
            proc.activeAt = proc.active == null ? null : proc.active.applyInstant(zone);
        }
        this.instances = obs.instances();
        for (ObservedInstance o : instances) {
            Proc proc = proc(o.id());
            ObservedInstance same = proc.observed(o.version());
            if (same != null) {
                proc.observed.remove(same);
            }
            proc.observed.add(o);
        }
        for (String id : obs.holds()) {
            Proc proc = byId.get(id);
            if (proc != null) {
                proc.held = true;
            }
        }
    }

    private Proc proc(String id) {
        Proc p = byId.get(id);
        if (p == null) {
            p = new Proc(id, procs.size());
            byId.put(id, p);
            procs.add(p);
        }
        return p;
    }

    /** One per id: the file's ids in file order, then ids only known from observation. */
    List<Proc> procs() {
        return procs;
    }

    /** The id's facts, or null for an id neither in the file nor observed. */
    Proc get(String id) {
        return byId.get(id);
    }

    List<ObservedInstance> instances() {
        return instances;
    }
}
