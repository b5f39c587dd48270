package procrust.plan;

/** The states shown by {@code status} (SPEC §3), mirroring the seed's diagram. */
public enum InstanceState {
    WAITING, READY_TO_START, PENDING_HEALTH_CHECK, RUNNING, SCHEDULED_STOP, STOPPING, STOPPED, BACKOFF,
    FAILED, COMPLETED, HELD;

    /** True for the states in which the instance has a process (RUNNING, PENDING_HEALTH_CHECK, STOPPING, SCHEDULED_STOP). */
    public boolean isLive() {
        return this == RUNNING || this == PENDING_HEALTH_CHECK || this == STOPPING || this == SCHEDULED_STOP;
    }
}
