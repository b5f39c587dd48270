package procrust.validate;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import procrust.config.raw.RawConfig;
import procrust.config.raw.RawProcess;

/**
 * The entries of a raw file that can take part in time-based rules (an id and an apply_on both
 * readable), each with its apply_on instant in the file's zone (the host's when timezone is absent
 * or invalid).
 */
final class Versions {

    /** One usable entry and the instant it takes effect. */
    record Version(RawProcess entry, Instant at) {
        String id() {
            return entry.id();
        }

        String text() {
            return entry.applyOn().text();
        }
    }

    private Versions() {
    }

    static ZoneId zone(RawConfig raw) {
        if (raw.timezone() != null) {
            try {
                return ZoneId.of(raw.timezone());
            } catch (DateTimeException e) {
                // reported by the field rules; fall back to the host's zone for the other rules
            }
        }
        return ZoneId.systemDefault();
    }

    /** Every entry with a usable id and apply_on, in file order (fake ones included). */
    static List<Version> of(RawConfig raw) {
        ZoneId zone = zone(raw);
        List<Version> out = new ArrayList<>(raw.processes().size());
        for (RawProcess p : raw.processes()) {
            if (p.id() != null && p.applyOn() != null) {
                out.add(new Version(p, p.applyOn().toInstant(zone)));
            }
        }
        return out;
    }
}
