package procrust.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One top-level {@code [[hook]]}: a command run when one of its events happens (SPEC §6 "Hooks").
 *
 * @param events  the events it runs on, each one of {@link #EVENTS}; all of them when the file lists none
 * @param command run as {@code /bin/sh -c COMMAND}
 * @param timeout after this its process group is killed (default {@link #DEFAULT_TIMEOUT})
 * @param pos     position of its {@code [[hook]]} header
 */
public record Hook(List<String> events, String command, Duration timeout, SourcePos pos) {

    /** Every event a hook can be told of, in the order of a process's life. */
    public static final List<String> EVENTS = List.of("started", "restarted", "stopped", "exited", "backoff",
            "failed", "unhealthy", "completed", "held", "released");

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public Hook {
        events = events == null || events.isEmpty() ? EVENTS : List.copyOf(events);
        Objects.requireNonNull(command, "command");
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        pos = pos == null ? SourcePos.NONE : pos;
    }

    /** True when this hook runs on {@code event}. */
    public boolean on(String event) {
        return events.contains(event);
    }
}
