package procrust.hooks;

import java.nio.file.Path;

/**
 * What a hook is told of one event, as its environment: {@code PROCRUST_EVENT}, {@code PROCRUST_ID},
 * {@code PROCRUST_VERSION}, {@code PROCRUST_PID} (the service's, when known), {@code
 * PROCRUST_EXIT_STATUS} (when known) and {@code PROCRUST_LOG} (the process's log file).
 *
 * @param name       one of {@link procrust.config.Hook#EVENTS}
 * @param version    the instance's version ({@code apply_on} as written), or null for an event of the id
 *                   (held, released)
 * @param pid        the service's pid, or null
 * @param exitStatus the exit status of its process (128+N for a signal N), or null when unknown
 */
public record HookEvent(String name, String id, String version, Long pid, Integer exitStatus, Path log) {
}
