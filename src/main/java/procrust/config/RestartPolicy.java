package procrust.config;

import java.time.Duration;
import java.util.Locale;

/** {@code [process.restart]}: execution retries with doubling back-off. */
public record RestartPolicy(Policy policy, int maxAttempts, Duration delay, Duration maxDelay) {

    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    public static final Duration DEFAULT_DELAY = Duration.ofSeconds(1);
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(60);

    public enum Policy {
        ALWAYS, ON_FAILURE, NEVER;

        public String wire() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The defaults for a process of this type (always for normal, on-failure for oneshot). */
    public static RestartPolicy defaultsFor(ProcessType type) {
        return new RestartPolicy(type == ProcessType.ONESHOT ? Policy.ON_FAILURE : Policy.ALWAYS,
                DEFAULT_MAX_ATTEMPTS, DEFAULT_DELAY, DEFAULT_MAX_DELAY);
    }

    /** The pause after the {@code failures}-th consecutive failure (1-based): delay * 2^(n-1), capped. */
    public Duration backoff(int failures) {
        if (failures <= 0 || delay.isZero()) {
            return delay;
        }
        Duration d = delay;
        for (int i = 1; i < failures; i++) {
            d = d.multipliedBy(2);
            if (d.compareTo(maxDelay) >= 0) {
                return maxDelay;
            }
        }
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }
}
