package procrust.state;

import java.time.Instant;

/**
 * What the liveness check of a RUNNING instance last found, for {@code status} and the TUI: the
 * failures in a row, the last failure in words, and the last success. The count that decides a
 * restart is the running apply's own; an apply that starts counts afresh (docs/apply.md).
 *
 * @param failures  failed attempts in a row (0 after a success)
 * @param lastError what the last failed attempt saw, or null
 * @param lastOk    when an attempt last succeeded, or null
 */
public record HealthRecord(int failures, String lastError, Instant lastOk) {

    public static final HealthRecord NONE = new HealthRecord(0, null, null);
}
