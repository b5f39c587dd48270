package procrust.tui;

import procrust.plan.InstanceState;

/**
 * How a state reads at a glance; the screen turns a tone into a colour (none with --no-color).
 * GOOD green: where it should be. BUSY yellow: on its way (starting, checking health, stopping).
 * BAD red: failing. HELD magenta: stopped by an operator. IDLE plain: waiting or stopped by the file.
 */
public enum Tone {
    GOOD, BUSY, BAD, HELD, IDLE;

    public static Tone of(InstanceState s) {
        return switch (s) {
            case RUNNING, COMPLETED -> GOOD;
            case READY_TO_START, PENDING_HEALTH_CHECK, SCHEDULED_STOP, STOPPING -> BUSY;
            case BACKOFF, FAILED -> BAD;
            case HELD -> HELD;
            case WAITING, STOPPED -> IDLE;
        };
    }
}
