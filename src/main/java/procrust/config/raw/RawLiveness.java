package procrust.config.raw;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMin;
import procrust.config.Probe;
import procrust.config.SourcePos;

/**
 * {@code [process.health_check]} (liveness) as written; {@code probe} is null when the table names
 * none, several, or an unusable one (already reported by the reader).
 */
public record RawLiveness(
        SourcePos pos,
        Map<String, SourcePos> at,
        Probe probe,
        @DurationMin(nanos = 1, message = "must be longer than zero") Duration interval,
        @DurationMin(nanos = 1, message = "must be longer than zero") Duration timeout,
        @Min(value = 1, message = "must be at least 1: the failures in a row that mean the process is unhealthy")
        @Max(value = 1000, message = "must be at most 1000")
        Long failures) implements Located {

    public RawLiveness {
        at = Map.copyOf(at);
    }
}
