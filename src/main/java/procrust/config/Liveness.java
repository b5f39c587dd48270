package procrust.config;

import java.time.Duration;

/**
 * {@code [process.health_check]}: while RUNNING, {@code probe} is tried every {@code interval}, each
 * attempt bounded by {@code timeout}; after {@code failures} failures in a row the instance is stopped
 * and started again through its restart policy, counting as a failure.
 */
public record Liveness(Probe probe, Duration interval, Duration timeout, int failures) {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_FAILURES = 3;

    public Liveness {
        java.util.Objects.requireNonNull(probe, "probe");
        java.util.Objects.requireNonNull(interval, "interval");
        java.util.Objects.requireNonNull(timeout, "timeout");
    }
}
