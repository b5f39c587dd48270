package procrust.config;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * When a version takes effect. {@code text} is the ISO-8601 form as written in the file (it is the
 * version's name everywhere: plan, status, state). {@code offset} is null for a local date-time, which
 * is then read in the file's zone.
 */
public record ApplyOn(String text, LocalDateTime local, ZoneOffset offset) {

    public ApplyOn {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(local, "local");
    }

    /*
     * equals and hashCode written out: a record's own are linked through an invokedynamic bootstrap
     * (java.lang.runtime.ObjectMethods) the first time they run, 15-20 ms of a plan or status start-up,
     * as this is the first record used as a map key (docs/benchmarks.md#start-up). Same meaning: every
     * component compared.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof ApplyOn a && text.equals(a.text) && local.equals(a.local) && Objects.equals(offset, a.offset);
    }

    @Override
    public int hashCode() {
        return (text.hashCode() * 31 + local.hashCode()) * 31 + Objects.hashCode(offset);
    }

    /** The instant this version takes effect, local times read in {@code zone}. */
    public Instant toInstant(ZoneId zone) {
        return offset != null ? local.toInstant(offset) : local.atZone(zone).toInstant();
    }
}
