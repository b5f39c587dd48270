package procrust.reconcile;

import java.time.Duration;
import java.time.Instant;
import procrust.config.ProcessSpec;
import procrust.config.ProcessType;
import procrust.config.RestartPolicy;
import procrust.plan.InstanceState;
import procrust.state.InstanceRecord;

/**
 * What an exit or a failed start means for an instance (SPEC §3 "Start", "Crash", "oneshot"): the
 * record it leaves (BACKOFF, FAILED, STOPPED, COMPLETED), whether it counts as a failure, and a note.
 * Pure; see docs/apply.md for the choices.
 */
public final class ExitRules {

    /** A run this long in RUNNING is stable: a crash after it counts as the first failure again. */
    public static final Duration STABLE = Duration.ofSeconds(10);
    /** Without a health check, an exit this soon after the spawn is a failed start (pm2's min_uptime,
     * supervisord's startsecs). */
    public static final Duration MIN_UPTIME = Duration.ofSeconds(1);

    /**
     * Why a clean exit in the first second is a failed start: most often a daemon that forked into the
     * background (its new session escapes the group procrust watches and signals).
     */
    static final String DAEMONIZED = " (did it go to the background? procrust needs it in the foreground: run it "
            + "with its foreground option, e.g. `redis-server --daemonize no`, `nginx -g 'daemon off;'`, `sshd -D`)";

    /** The record after the event; {@code failure} when it counts against max_attempts. */
    public record Outcome(InstanceRecord record, boolean failure, String event) {
    }

    private ExitRules() {
    }

    /** "exited with status 3", "killed by signal 9 (KILL)", or unknown for an adopted process. */
    public static String describe(Integer code) {
        if (code == null) {
            return "ended (adopted: exit code unknown)";
        }
        if (code > 128 && code < 128 + 65) {
            return "killed by signal " + (code - 128) + signalName(code - 128);
        }
        return "exited with status " + code;
    }

    private static String signalName(int sig) {
        switch (sig) {
            case 1: return " (HUP)";
            case 2: return " (INT)";
            case 6: return " (ABRT)";
            case 9: return " (KILL)";
            case 11: return " (SEGV)";
            case 15: return " (TERM)";
            default: return "";
        }
    }

    /**
     * The process of {@code r} ended with {@code code} (null: unknown). {@code spec} is its entry in
     * the file, or null when the version is gone from the file (then it is just forgotten).
     */
    public static Outcome exited(InstanceRecord r, ProcessSpec spec, Integer code, Instant now) {
        String what = describe(code);
        InstanceRecord.Builder b = r.toBuilder().gone(code);
        if (spec == null || spec.isFake()) {
            return new Outcome(b.state(InstanceState.STOPPED, now).note(what + "; its version is no longer in the file")
                    .build(), false, "exited");
        }
        RestartPolicy p = spec.restart();
        if (spec.type() == ProcessType.ONESHOT) {
            if (code == null) {
                return new Outcome(b.state(InstanceState.COMPLETED, now).failures(0)
                        .note("adopted: exit code unknown; counted as completed").build(), false, "completed");
            }
            if (code == 0) {
                return new Outcome(b.state(InstanceState.COMPLETED, now).failures(0).note("completed (exit 0)").build(),
                        false, "completed");
            }
            return failedStart(r.toBuilder().gone(code).build(), spec, what, now);
        }
        if (r.state() == InstanceState.PENDING_HEALTH_CHECK) {
            return failedStart(b.build(), spec, what + " before its health check passed", now);
        }
        boolean quick = spec.healthCheck() == null && r.startedAt() != null
                && Duration.between(r.startedAt(), now).compareTo(MIN_UPTIME) < 0;
        boolean clean = code != null && code == 0;
        if (p.policy() == RestartPolicy.Policy.NEVER || (p.policy() == RestartPolicy.Policy.ON_FAILURE && clean)) {
            if (quick && !clean) {
                return failedStart(b.build(), spec, what + " within its first second", now);
            }
            return new Outcome(b.state(InstanceState.STOPPED, now)
                    .note(what + "; restart policy " + p.policy().wire() + ": not restarted").build(), !clean, "exited");
        }
        if (quick) {
            return failedStart(b.build(), spec, what + " within its first second" + (clean ? DAEMONIZED : ""), now);
        }
        boolean stable = r.runningSince() != null && Duration.between(r.runningSince(), now).compareTo(STABLE) >= 0;
        int failures = stable ? 1 : r.consecutiveFailures() + 1;
        return schedule(b, spec, failures, what, now, "crashed");
    }

    /** A start that failed: spawn error, health check timeout, exit before RUNNING. */
    public static Outcome failedStart(InstanceRecord r, ProcessSpec spec, String why, Instant now) {
        InstanceRecord.Builder b = r.toBuilder().gone(r.lastExit());
        int failures = r.consecutiveFailures() + 1;
        if (spec.restart().policy() == RestartPolicy.Policy.NEVER) {
            return new Outcome(b.failures(failures).backoffUntil(null).state(InstanceState.FAILED, now)
                    .note(why + "; restart policy never: edit the entry or run `procrust start "
                            + spec.id() + "` to try again").build(), true, "failed");
        }
        return schedule(b, spec, failures, why, now, "start-failed");
    }

    private static Outcome schedule(InstanceRecord.Builder b, ProcessSpec spec, int failures, String why,
                                    Instant now, String event) {
        RestartPolicy p = spec.restart();
        if (failures >= p.maxAttempts()) {
            return new Outcome(b.failures(failures).backoffUntil(null).state(InstanceState.FAILED, now)
                    .note(why + "; gave up after " + failures + " failed start" + (failures == 1 ? "" : "s")
                            + " in a row: edit the entry or run `procrust start " + spec.id() + "` to try again")
                    .build(), true, "failed");
        }
        Instant until = now.plus(p.backoff(failures));
        return new Outcome(b.failures(failures).backoffUntil(until).state(InstanceState.BACKOFF, now)
                .note(why + "; failure " + failures + " of " + p.maxAttempts() + ", next start after "
                        + p.backoff(failures).toMillis() / 1000.0 + "s")
                .build(), true, event);
    }
}
