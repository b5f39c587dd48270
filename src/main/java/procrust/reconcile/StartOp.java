package procrust.reconcile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import procrust.config.Config;
import procrust.config.ProcessSpec;
import procrust.config.ProcessType;
import procrust.logs.LogAccess;
import procrust.logs.LogFiles;
import procrust.plan.InstanceState;
import procrust.runtime.SpawnRequest;
import procrust.runtime.Spawned;
import procrust.state.InstanceRecord;

/**
 * A START: spawns the entry's command and records the new process (PENDING_HEALTH_CHECK
 * when it has a health check, else RUNNING at once; a oneshot also records the window it runs in).
 * A command that cannot start is a failed start with the reason in the note, never a crash of apply.
 * The spawn is gated: the record with the new pid is written to the state file before the command
 * runs, and when it cannot be written the command never runs (a failed start), so no service ever
 * runs that the state file does not name.
 */
final class StartOp {

    /** The spawn's outcome and, when the process was spawned, the process (its gate still closed). */
    record Launch(Outcome outcome, Spawned spawned) {
    }

    private StartOp() {
    }

    /**
     * Spawns {@code spec}'s command gated ({@code was}: the instance's record, or null). The outcome
     * puts the record of the new process, which the caller writes to disk before {@link #release}.
     */
    static Launch spawn(Key k, ProcessSpec spec, InstanceRecord was, Config config, Effects fx, Instant now) {
        if (spec == null) {
            return new Launch(Outcome.none(k).log(EventLog.Level.ERROR, "bug",
                    "the plan starts a version that is not in the file"), null);
        }
        InstanceRecord base = was != null ? was : InstanceRecord.fresh(k.id(), k.version(), spec.type().wire(), now);
        InstanceRecord.Builder b = base.toBuilder();
        if (was != null && was.state() == InstanceState.FAILED) {
            b.failures(0); // the entry changed or an operator asked: a fresh series of attempts
        }
        if (was != null && (was.state() == InstanceState.BACKOFF || was.state() == InstanceState.FAILED)) {
            b.restarts(base.restarts() + 1);
        }
        Spawned sp;
        try {
            sp = fx.launcher().spawnGated(spawnRequest(config, fx.logDir(), spec, spec.command()));
        } catch (IOException | RuntimeException e) {
            // the entry it tried is recorded: a FAILED record holds until that entry changes
            return new Launch(Outcome.failedStart(k, ExitRules.failedStart(b.gone(null).fingerprint(spec.fingerprint())
                    .build(), spec, "cannot start: " + e.getMessage(), now)), null);
        }
        boolean checked = spec.healthCheck() != null;
        b.process(spec.type().wire(), sp.pid(), sp.startTicks(), fx.table().bootId(), now, spec.fingerprint())
                .state(checked ? InstanceState.PENDING_HEALTH_CHECK : InstanceState.RUNNING, now)
                .runningSince(checked ? null : now).note(null);
        if (spec.type() == ProcessType.ONESHOT) {
            b.completedWindow(fx.windows().openingOf(spec, config.zone(), now));
        }
        return new Launch(Outcome.put(k, b.build()), sp);
    }

    /**
     * Once the record of a spawned process was written ({@code notWritten} null) or could not be (why
     * not): the start failed, its gate closed and its command never ran; or the outcome says it
     * started, and the caller opens its gate once that is logged (and marked in the service's log:
     * the marker comes before the command's output). A {@code log_group} is given the log first.
     */
    static Outcome release(Launch l, String notWritten, ProcessSpec spec, String reason, Path logDir, Instant now) {
        Key k = l.outcome().key();
        Spawned sp = l.spawned();
        if (notWritten != null) {
            sp.gate().close();
            return Outcome.failedStart(k, ExitRules.failedStart(l.outcome().record().toBuilder().gone(null).build(),
                    spec, "not started: its pid could not be recorded (" + notWritten + ")", now));
        }
        Outcome out = Outcome.none(k);
        if (spec.logs().group() != null) {
            String why = LogAccess.share(LogFiles.fileFor(logDir, spec.id()), spec.logs().group());
            if (why != null) {
                out = out.log(EventLog.Level.WARN, "log-group", why + "; the log stays readable by procrust's user only");
            }
        }
        boolean checked = spec.healthCheck() != null;
        return out.log(EventLog.Level.INFO, "started", "pid " + sp.pid()
                + (checked ? " (health check next)" : " (RUNNING: no health check)") + "; started because: " + reason);
    }

    /** The spawn of a command of this entry: its working dir, env + PROCRUST_*, its log file. */
    static SpawnRequest spawnRequest(Config config, Path logDir, ProcessSpec spec, String command) {
        Map<String, String> env = new LinkedHashMap<>(spec.env());
        env.put("PROCRUST_UID", config.uid());
        env.put("PROCRUST_ID", spec.id());
        env.put("PROCRUST_VERSION", spec.version());
        Path wd = spec.workingDir() == null ? null : Path.of(spec.workingDir());
        return new SpawnRequest(command, wd, env, LogFiles.fileFor(logDir, spec.id()));
    }
}
