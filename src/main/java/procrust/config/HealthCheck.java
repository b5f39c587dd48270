package procrust.config;

import java.time.Duration;

/** {@code [process.start_health_check]}: the process is RUNNING once {@code command} exits 0. */
public record HealthCheck(String command, Duration timeout, Duration interval) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
}
