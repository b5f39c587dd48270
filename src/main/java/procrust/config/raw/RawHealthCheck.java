package procrust.config.raw;

import java.time.Duration;
import java.util.Map;
import procrust.config.Probe;
import procrust.config.SourcePos;

/**
 * {@code [process.start_health_check]} as written; {@code probe} is null when the table names none,
 * several, or an unusable one (already reported by the reader).
 */
public record RawHealthCheck(
        SourcePos pos,
        Map<String, SourcePos> at,
        Probe probe,
        Duration timeout,
        Duration interval) implements Located {

    public RawHealthCheck {
        at = Map.copyOf(at);
    }
}
