package procrust.config.raw;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMin;
import procrust.config.RestartPolicy;
import procrust.config.SourcePos;

/** {@code [process.restart]} as written. */
public record RawRestart(
        SourcePos pos,
        Map<String, SourcePos> at,
        RestartPolicy.Policy policy,
        @Min(value = 1, message = "must be at least 1")
        @Max(value = Integer.MAX_VALUE, message = "is too large") Long maxAttempts,
        @DurationMin(nanos = 0, message = "must not be negative (0 restarts at once)") Duration delay,
        @DurationMin(nanos = 1, message = "must be longer than zero") Duration maxDelay) implements Located {

    public RawRestart {
        at = Map.copyOf(at);
    }
}
