package procrust.config.raw;

import java.time.Duration;
import java.util.Map;
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
        Duration interval,
        Duration timeout,
        Long failures) implements Located {

    public RawLiveness {
        at = Map.copyOf(at);
    }
}
