package procrust.reconcile;

import java.util.Optional;
import procrust.runtime.ProcStat;
import procrust.state.InstanceRecord;

/**
 * May a recorded pid be treated as ours? Only when it is alive, not a zombie, and both its start
 * time and the boot id match what was recorded (a pid can be reused by an unrelated process, and
 * start ticks restart at every boot). Anything else is gone and is never signalled.
 */
public final class Adoption {

    private Adoption() {
    }

    /** The decision and, when not ALIVE, why (for status notes and the event log). */
    public enum Verdict {
        ALIVE(null),
        NOT_RUNNING("its process is no longer running"),
        ZOMBIE("its process is a zombie (exited, not reaped)"),
        START_TIME_DIFFERS("pid now belongs to another process (start time differs): left alone"),
        BOOT_ID_DIFFERS("the host rebooted since it started"),
        NO_IDENTITY("its start time was never recorded: it cannot be proven ours");

        private final String why;

        Verdict(String why) {
            this.why = why;
        }

        public String why() {
            return why;
        }
    }

    /**
     * After a verdict other than ALIVE, may members of the recorded process group still be signalled
     * as ours? Only when the leader is gone or a zombie in the same boot: the kernel never reuses a
     * pid while a process group or session of that id has members, so members of group and session
     * {@code pid} are then the leader's descendants. Never when the pid now names another process.
     */
    public static boolean groupStillOurs(Verdict v) {
        return v == Verdict.NOT_RUNNING || v == Verdict.ZOMBIE;
    }

    public static Verdict check(InstanceRecord r, Optional<ProcStat> stat, String bootId) {
        if (r.pid() == null) {
            return Verdict.NOT_RUNNING;
        }
        if (r.bootId() == null || !r.bootId().equals(bootId)) {
            return r.bootId() == null ? Verdict.NO_IDENTITY : Verdict.BOOT_ID_DIFFERS;
        }
        if (stat.isEmpty()) {
            return Verdict.NOT_RUNNING;
        }
        if (r.startTicks() == null || r.startTicks() < 0) {
            return Verdict.NO_IDENTITY;
        }
        if (stat.get().startTicks() != r.startTicks()) {
            return Verdict.START_TIME_DIFFERS;
        }
        if (stat.get().zombie()) {
            return Verdict.ZOMBIE;
        }
        return Verdict.ALIVE;
    }
}
