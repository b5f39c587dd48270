package procrust.plan;

/** The states shown by {@code status} (SPEC §3), mirroring the seed's diagram. */
public enum InstanceState {
    WAITING, READY_TO_START, PENDING_HEALTH_CHECK, RUNNING, SCHEDULED_STOP, STOPPING, STOPPED, BACKOFF,
    FAILED, COMPLETED, HELD
}
