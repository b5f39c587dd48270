package procrust.state;

import java.time.Instant;
import java.util.Objects;
import procrust.config.Fingerprint;
import procrust.plan.InstanceState;

/**
 * What procrust remembers of one instance (id, version) in {@code state.json}.
 *
 * @param type                the entry's type when last started ({@code normal}, {@code oneshot})
 * @param pid                 the process-group and session leader (pid == pgid == sid), or null
 * @param startTicks          its start time, field 22 of /proc/PID/stat; with {@code bootId} the proof
 *                            that a pid is still ours
 * @param startedAt           when the current (or last) process was spawned
 * @param since               when the instance entered {@code state}
 * @param restarts            starts after a crash or a failed start
 * @param consecutiveFailures failed starts or crashes in a row; reset by a stable run
 * @param runningSince        when it became RUNNING (health check passed), or null
 * @param lastExit            the last exit status, null when unknown (adopted) or none yet
 * @param afterStop           in STOPPING: the state to enter once no process of the group remains
 *                            (null: forget the record then)
 * @param health              what the liveness check of the current process found, or null (none yet)
 */
public record InstanceRecord(String id, String version, String type, InstanceState state, Long pid,
                             Long startTicks, String bootId, Instant startedAt, Instant since,
                             int restarts, int consecutiveFailures, Instant backoffUntil,
                             Instant completedWindow, Instant runningSince, Fingerprint fingerprint,
                             Integer lastExit, String note, InstanceState afterStop, HealthRecord health) {

    public InstanceRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(state, "state");
        fingerprint = fingerprint == null ? Fingerprint.NONE : fingerprint;
    }

    /** A record without liveness findings. */
    public InstanceRecord(String id, String version, String type, InstanceState state, Long pid,
                          Long startTicks, String bootId, Instant startedAt, Instant since,
                          int restarts, int consecutiveFailures, Instant backoffUntil,
                          Instant completedWindow, Instant runningSince, Fingerprint fingerprint,
                          Integer lastExit, String note, InstanceState afterStop) {
        this(id, version, type, state, pid, startTicks, bootId, startedAt, since, restarts, consecutiveFailures,
                backoffUntil, completedWindow, runningSince, fingerprint, lastExit, note, afterStop, null);
    }

    /** A record with nothing known yet but its identity. */
    public static InstanceRecord fresh(String id, String version, String type, Instant now) {
        return new InstanceRecord(id, version, type, InstanceState.WAITING, null, null, null, null, now, 0, 0,
                null, null, null, Fingerprint.NONE, null, null, null);
    }

    public boolean sameInstance(String otherId, String otherVersion) {
        return id.equals(otherId) && version.equals(otherVersion);
    }

    /** True when the record names a process that should be alive (it still has to be verified). */
    public boolean claimsLive() {
        return pid != null && state.isLive();
    }

    /**
     * This record with its duration anchors (spawn, RUNNING since, back-off end) moved by {@code d}: the
     * wall clock stepped by {@code d}, and these measure lengths of time, which a step must not change.
     * Instants that place it in wall time (since when it is in its state, the window it completed in)
     * stay. This record itself when it has none.
     */
    public InstanceRecord shifted(java.time.Duration d) {
        if (startedAt == null && runningSince == null && backoffUntil == null) {
            return this;
        }
        return new InstanceRecord(id, version, type, state, pid, startTicks, bootId, plus(startedAt, d), since, restarts,
                consecutiveFailures, plus(backoffUntil, d), completedWindow, plus(runningSince, d), fingerprint,
                lastExit, note, afterStop);
    }

    private static Instant plus(Instant t, java.time.Duration d) {
        return t == null ? null : t.plus(d);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A copy with some fields changed. */
    public static final class Builder {
        private final String id;
        private final String version;
        private String type;
        private InstanceState state;
        private Long pid;
        private Long startTicks;
        private String bootId;
        private Instant startedAt;
        private Instant since;
        private int restarts;
        private int consecutiveFailures;
        private Instant backoffUntil;
        private Instant completedWindow;
        private Instant runningSince;
        private Fingerprint fingerprint;
        private Integer lastExit;
        private String note;
        private InstanceState afterStop;
        private HealthRecord health;

        private Builder(InstanceRecord r) {
            id = r.id;
            version = r.version;
            type = r.type;
            state = r.state;
            pid = r.pid;
            startTicks = r.startTicks;
            bootId = r.bootId;
            startedAt = r.startedAt;
            since = r.since;
            restarts = r.restarts;
            consecutiveFailures = r.consecutiveFailures;
            backoffUntil = r.backoffUntil;
            completedWindow = r.completedWindow;
            runningSince = r.runningSince;
            fingerprint = r.fingerprint;
            lastExit = r.lastExit;
            note = r.note;
            afterStop = r.afterStop;
            health = r.health;
        }

        /** Enters {@code s} at {@code at}. */
        public Builder state(InstanceState s, Instant at) {
            state = s;
            since = at;
            return this;
        }

        /** The process is gone: no pid, no identity, this exit status (null: unknown). */
        public Builder gone(Integer exit) {
            pid = null;
            startTicks = null;
            bootId = null;
            runningSince = null;
            health = null;
            lastExit = exit;
            return this;
        }

        /** A new process of this instance. */
        public Builder process(String newType, long newPid, long ticks, String boot, Instant at,
                               Fingerprint newFingerprint) {
            type = newType;
            pid = newPid;
            startTicks = ticks;
            bootId = boot;
            startedAt = at;
            health = null;
            fingerprint = newFingerprint;
            lastExit = null;
            backoffUntil = null;
            runningSince = null;
            afterStop = null;
            return this;
        }

        /** Takes the process identity (pid, start ticks, boot id) of {@code r}. */
        public Builder processOf(InstanceRecord r) {
            pid = r.pid;
            startTicks = r.startTicks;
            bootId = r.bootId;
            return this;
        }

        /** The entry's fingerprint this instance was (or was tried to be) started with. */
        public Builder fingerprint(Fingerprint f) {
            fingerprint = f;
            return this;
        }

        public Builder restarts(int n) {
            restarts = n;
            return this;
        }

        public Builder failures(int n) {
            consecutiveFailures = n;
            return this;
        }

        public Builder backoffUntil(Instant t) {
            backoffUntil = t;
            return this;
        }

        public Builder completedWindow(Instant t) {
            completedWindow = t;
            return this;
        }

        public Builder runningSince(Instant t) {
            runningSince = t;
            return this;
        }

        public Builder note(String n) {
            note = n;
            return this;
        }

        public Builder afterStop(InstanceState s) {
            afterStop = s;
            return this;
        }

        /** What the liveness check found (null: nothing yet). */
        public Builder health(HealthRecord h) {
            health = h;
            return this;
        }

        public InstanceRecord build() {
            return new InstanceRecord(id, version, type, state, pid, startTicks, bootId, startedAt, since, restarts,
                    consecutiveFailures, backoffUntil, completedWindow, runningSince, fingerprint, lastExit, note,
                    afterStop, health);
        }
    }
}
