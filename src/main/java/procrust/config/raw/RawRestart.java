package procrust.config.raw;

import java.time.Duration;
import java.util.Map;
import procrust.config.RestartPolicy;
import procrust.config.SourcePos;

/** {@code [process.restart]} as written. */
public record RawRestart(
        SourcePos pos,
        Map<String, SourcePos> at,
        RestartPolicy.Policy policy,
        Long maxAttempts,
        Duration delay,
        Duration maxDelay) implements Located {

    public RawRestart {
        at = Map.copyOf(at);
    }
}
