package procrust.config.raw;

import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMin;
import procrust.config.SourcePos;

/** {@code [process.start_health_check]} as written. */
public record RawHealthCheck(
        SourcePos pos,
        Map<String, SourcePos> at,
        @NotBlank(message = "must not be blank: the command whose exit status 0 means the process is up")
        String command,
        @DurationMin(nanos = 1, message = "must be longer than zero") Duration timeout,
        @DurationMin(nanos = 1, message = "must be longer than zero") Duration interval) implements Located {

    public RawHealthCheck {
        at = Map.copyOf(at);
    }
}
