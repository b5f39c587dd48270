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

    /** The instant this version takes effect, local times read in {@code zone}. */
    public Instant toInstant(ZoneId zone) {
        return offset != null ? local.toInstant(offset) : local.atZone(zone).toInstant();
    }
}
