package procrust.plan;

import java.time.Instant;
import procrust.config.Fingerprint;

/**
 * What is known of one instance (id, version) now: from the state file, checked against /proc.
 *
 * @param state               its state; RUNNING / PENDING_HEALTH_CHECK / STOPPING mean a live process
 * @param pid                 the process-group leader's pid, or null when nothing runs
 * @param since               when it entered {@code state} (start time for a running one), or null
 * @param restarts            how many times it was started again after the first start
 * @param consecutiveFailures failed starts or crashes in a row (reset after a stable run)
 * @param backoffUntil        in BACKOFF: when the next start is allowed, else null
 * @param completedWindow     for a oneshot that COMPLETED: the opening instant of the window it ran
 *                            in, as {@link Windows#openingOf} gives it (for an unscheduled oneshot: its
 *                            version's apply instant; the planner counts any COMPLETED record of an
 *                            unscheduled version as done), else null
 * @param fingerprint         {@link procrust.config.ProcessSpec#fingerprint()} recorded at its start
 * @param needsAdoption       true when alive but not (yet) supervised by a running apply
 * @param note                the last human note (last failure, ...), or null
 */
public record ObservedInstance(String id, String version, InstanceState state, Long pid, Instant since,
                               int restarts, int consecutiveFailures, Instant backoffUntil,
                               Instant completedWindow, Fingerprint fingerprint,
                               boolean needsAdoption, String note) {

    public ObservedInstance {
        fingerprint = fingerprint == null ? Fingerprint.NONE : fingerprint;
    }

    /** True when a live process belongs to this instance. */
    public boolean alive() {
        return pid != null && state != null && state.isLive();
    }
}
