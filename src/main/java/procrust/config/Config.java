package procrust.config;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A whole, valid procrust file after normalisation.
 *
 * @param file         where it was read from (as given by the user)
 * @param zone         the zone local times are read in: {@code timezone} or the host's
 * @param zoneExplicit true when the file set {@code timezone}
 * @param processes    every entry, fake ones included, in file order
 * @param logs         the file-wide log rotation default
 */
public record Config(Path file, String uid, String fileFormat, ZoneId zone, boolean zoneExplicit,
                     List<ProcessSpec> processes, LogPolicy logs) {

    public Config {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(zone, "zone");
        processes = List.copyOf(processes);
        logs = logs == null ? LogPolicy.DEFAULT : logs;
    }

    /** Distinct ids in order of first appearance. */
    public Set<String> ids() {
        Set<String> ids = new LinkedHashSet<>();
        for (ProcessSpec p : processes) {
            ids.add(p.id());
        }
        return ids;
    }

    /** Every entry (fake included) with this id, in file order. */
    public List<ProcessSpec> versionsOf(String id) {
        List<ProcessSpec> out = new ArrayList<>();
        for (ProcessSpec p : processes) {
            if (p.id().equals(id)) {
                out.add(p);
            }
        }
        return out;
    }

    /** The version of {@code id} active at {@code at} (see {@link #activeAmong}), or null. */
    public ProcessSpec activeVersion(String id, Instant at) {
        return activeAmong(versionsOf(id), zone, at);
    }

    /**
     * SPEC §3 "Version": among the entries of one id (in file order), the one active at {@code at}: the
     * non-fake entry with the greatest {@code apply_on} not after it; of entries whose {@code apply_on}
     * is the same instant, the later in the file. Null when none is active yet.
     */
    public static ProcessSpec activeAmong(List<ProcessSpec> versions, ZoneId zone, Instant at) {
        ProcessSpec best = null;
        Instant bestAt = null;
        for (ProcessSpec p : versions) {
            if (p.isFake()) {
                continue;
            }
            Instant when = p.applyInstant(zone);
            if (!when.isAfter(at) && (best == null || !when.isBefore(bestAt))) {
                best = p;
                bestAt = when;
            }
        }
        return best;
    }
}
