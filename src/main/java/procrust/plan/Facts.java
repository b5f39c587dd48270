package procrust.plan;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import procrust.config.Config;
import procrust.config.ProcessSpec;

/**
 * The facts one plan is made of, indexed once: the file's versions by id, the active version of each
 * id at the instant (the non-fake entry with the greatest {@code apply_on} not after it; equal instants:
 * the later entry in the file), and the observed instances by (id, version).
 */
final class Facts {

    private final Instant at;
    private final ZoneId zone;
    private final List<String> ids = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, List<ProcessSpec>> versions = new LinkedHashMap<>();
    private final Map<String, ProcessSpec> active = new HashMap<>();
    private final Map<String, ProcessSpec> next = new HashMap<>();
    private final Map<String, Map<String, ObservedInstance>> observed = new HashMap<>();
    private final List<ObservedInstance> instances;
    private final Set<String> holds;

    Facts(Config config, Observed obs, Instant at) {
        this.at = at;
        this.zone = config.zone();
        for (ProcessSpec p : config.processes()) {
            List<ProcessSpec> vs = versions.get(p.id());
            if (vs == null) {
                vs = new ArrayList<>(1);
                versions.put(p.id(), vs);
                index.put(p.id(), ids.size());
                ids.add(p.id());
            }
            vs.add(p);
            if (p.isFake()) {
                continue;
            }
            Instant when = p.applyInstant(zone);
            if (!when.isAfter(at)) {
                ProcessSpec cur = active.get(p.id());
                if (cur == null || !when.isBefore(cur.applyInstant(zone))) {
                    active.put(p.id(), p);
                }
            } else {
                ProcessSpec cur = next.get(p.id());
                if (cur == null || when.isBefore(cur.applyInstant(zone))) {
                    next.put(p.id(), p);
                }
            }
        }
        this.instances = obs.instances();
        this.holds = obs.holds();
        for (ObservedInstance o : instances) {
            observed.computeIfAbsent(o.id(), k -> new LinkedHashMap<>()).put(o.version(), o);
            if (!index.containsKey(o.id())) {
                index.put(o.id(), ids.size());
                ids.add(o.id());
            }
        }
    }

    /** The file's ids in file order, then ids only known from observation. */
    List<String> ids() {
        return ids;
    }

    Map<String, Integer> index() {
        return index;
    }

    boolean inFile(String id) {
        return versions.containsKey(id);
    }

    /** The version active at the instant, or null. */
    ProcessSpec active(String id) {
        return active.get(id);
    }

    /** The first non-fake version that becomes active after the instant, or null. */
    ProcessSpec nextVersion(String id) {
        return next.get(id);
    }

    /** The file's entry of this (id, version), or null. */
    ProcessSpec entry(String id, String version) {
        for (ProcessSpec p : versions.getOrDefault(id, List.of())) {
            if (p.version().equals(version)) {
                return p;
            }
        }
        return null;
    }

    List<ProcessSpec> versions(String id) {
        return versions.getOrDefault(id, List.of());
    }

    boolean held(String id) {
        return holds.contains(id);
    }

    ObservedInstance observed(String id, String version) {
        Map<String, ObservedInstance> m = observed.get(id);
        return m == null ? null : m.get(version);
    }

    /** The live instances of an id, in observed order. */
    List<ObservedInstance> live(String id) {
        Map<String, ObservedInstance> m = observed.get(id);
        if (m == null) {
            return List.of();
        }
        List<ObservedInstance> out = new ArrayList<>(1);
        for (ObservedInstance o : m.values()) {
            if (o.alive()) {
                out.add(o);
            }
        }
        return out;
    }

    List<ObservedInstance> instances() {
        return instances;
    }

    Instant at() {
        return at;
    }
}
