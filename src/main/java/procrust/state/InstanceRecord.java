package procrust.state;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import procrust.plan.InstanceState;

/**
 * What procrust remembers of one instance (id, version) in {@code state.json}.
 *
 * @param type                the entry's type when last started ({@code normal}, {@code oneshot})
 * @param pid                 the process-group leader (pid == pgid), or null when nothing runs
 * @param startTicks          its start time, field 22 of /proc/PID/stat; with {@code bootId} the proof
 *                            that a pid is still ours
 * @param startedAt           when the current (or last) process was spawned
 * @param since               when the instance entered {@code state}
 * @param restarts            starts after the first one
 * @param consecutiveFailures failed starts or crashes in a row; reset by a stable run
 * @param runningSince        when it became RUNNING (health check passed), or null
 * @param lastExit            the last exit status, null when unknown (adopted) or none yet
 */
public record InstanceRecord(String id, String version, String type, InstanceState state, Long pid,
                             Long startTicks, String bootId, Instant startedAt, Instant since,
                             int restarts, int consecutiveFailures, Instant backoffUntil,
                             Instant completedWindow, Instant runningSince, Map<String, String> fingerprint,
                             Integer lastExit, String note) {

    public InstanceRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(state, "state");
        fingerprint = fingerprint == null ? Map.of() : Map.copyOf(fingerprint);
    }

    /** A record with nothing known yet but its identity. */
    public static InstanceRecord fresh(String id, String version, String type, Instant now) {
        return new InstanceRecord(id, version, type, InstanceState.WAITING, null, null, null, null, now, 0, 0,
                null, null, null, Map.of(), null, null);
    }

    public boolean sameInstance(String otherId, String otherVersion) {
        return id.equals(otherId) && version.equals(otherVersion);
    }

    /** True when the record names a process that should be alive (it still has to be verified). */
    public boolean claimsLive() {
        return pid != null && (state == InstanceState.RUNNING || state == InstanceState.PENDING_HEALTH_CHECK
                || state == InstanceState.STOPPING || state == InstanceState.SCHEDULED_STOP);
    }

    public InstanceRecord withState(InstanceState s, Instant at, String newNote) {
        return new InstanceRecord(id, version, type, s, pid, startTicks, bootId, startedAt, at, restarts,
                consecutiveFailures, backoffUntil, completedWindow, runningSince, fingerprint, lastExit, newNote);
    }

    /** The process is gone: clears pid and identity, records the exit status (null: unknown). */
    public InstanceRecord exited(Integer exit) {
        return new InstanceRecord(id, version, type, state, null, null, null, startedAt, since, restarts,
                consecutiveFailures, backoffUntil, completedWindow, null, fingerprint, exit, note);
    }

    public InstanceRecord withProcess(String newType, long newPid, long ticks, String boot, Instant at,
                                      Map<String, String> newFingerprint, boolean firstStart) {
        return new InstanceRecord(id, version, newType, state, newPid, ticks, boot, at, at,
                firstStart ? restarts : restarts + 1, consecutiveFailures, null, completedWindow, null,
                newFingerprint, null, note);
    }

    public InstanceRecord withFailures(int failures, Instant until) {
        return new InstanceRecord(id, version, type, state, pid, startTicks, bootId, startedAt, since, restarts,
                failures, until, completedWindow, runningSince, fingerprint, lastExit, note);
    }

    public InstanceRecord withCompletedWindow(Instant window) {
        return new InstanceRecord(id, version, type, state, pid, startTicks, bootId, startedAt, since, restarts,
                consecutiveFailures, backoffUntil, window, runningSince, fingerprint, lastExit, note);
    }

    public InstanceRecord withRunningSince(Instant at) {
        return new InstanceRecord(id, version, type, state, pid, startTicks, bootId, startedAt, since, restarts,
                consecutiveFailures, backoffUntil, completedWindow, at, fingerprint, lastExit, note);
    }

    public InstanceRecord withNote(String newNote) {
        return new InstanceRecord(id, version, type, state, pid, startTicks, bootId, startedAt, since, restarts,
                consecutiveFailures, backoffUntil, completedWindow, runningSince, fingerprint, lastExit, newNote);
    }
}
