package procrust.reconcile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import procrust.config.Config;
import procrust.config.ProcessSpec;
import procrust.config.ProcessType;
import procrust.config.RunAs;
import procrust.logs.LogAccess;
import procrust.logs.LogFiles;
import procrust.plan.InstanceState;
import procrust.runtime.EnvFiles;
import procrust.runtime.ProcessSetup;
import procrust.runtime.RefusedStart;
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
        } catch (RefusedStart e) {
            // retrying cannot help (procrust is not root): FAILED at once, until the entry changes
            return new Launch(Outcome.failedStart(k, ExitRules.refused(b.gone(null).fingerprint(spec.fingerprint())
                    .build(), spec, e.getMessage(), now)), null);
        } catch (IOException | RuntimeException e) {
            // the entry it tried is recorded: a FAILED record holds until that entry changes
            return new Launch(Outcome.failedStart(k, ExitRules.failedStart(b.gone(null).fingerprint(spec.fingerprint())
                    .build(), spec, "cannot start: " + e.getMessage(), now)), null);
        }
        if (spec.logs().group() != null) {
            String why = LogAccess.share(LogFiles.fileFor(fx.logDir(), spec.id()), spec.logs().group());
            if (why != null) {
                fx.log().warn("log-group", k, why + "; the log stays readable by procrust's user only");
            }
        }
        // marked in the service's log (LogMarks) while the command waits at its gate, so the marker comes
        // before its output; and before its pid is recorded, so that the gate opens right after that
        fx.log().debug("spawned", k, "pid " + sp.pid() + ", waiting for its pid to be recorded");
        boolean checked = spec.healthCheck() != null;
        // the instant of the spawn itself, not of the step: on a loaded machine a spawn can take a second,
        // and the first-second rule (ExitRules.SETTLE) counts from when the command really started
        Instant at = fx.clock().instant();
        at = at.isBefore(now) ? now : at;
        b.process(spec.type().wire(), sp.pid(), sp.startTicks(), fx.table().bootId(), at, spec.fingerprint())
                .state(checked ? InstanceState.PENDING_HEALTH_CHECK : InstanceState.RUNNING, at)
                .runningSince(checked ? null : at).note(null);
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
        Outcome out = Outcome.none(k); // log_group and the start marker: done at the spawn
        boolean checked = spec.healthCheck() != null;
        return out.log(EventLog.Level.INFO, "started", "pid " + sp.pid()
                + (checked ? " (health check next)" : " (RUNNING: no health check)") + "; started because: " + reason);
    }

    /**
     * The spawn of a command of this entry (the service's, or its health check's): its working dir, its
     * env files read now, then {@code env}, then PROCRUST_*; its log file; its user, group, umask and
     * limits. A missing, unreadable or malformed env file fails it, named (never a value).
     */
    static SpawnRequest spawnRequest(Config config, Path logDir, ProcessSpec spec, String command) throws IOException {
        RunAs as = spec.runAs();
        List<Path> files = new ArrayList<>(as.envFiles().size());
        for (String f : as.envFiles()) {
            files.add(Path.of(f));
        }
        Map<String, String> env = new LinkedHashMap<>(EnvFiles.read(files));
        env.putAll(spec.env());
        env.put("PROCRUST_UID", config.uid());
        env.put("PROCRUST_ID", spec.id());
        env.put("PROCRUST_VERSION", spec.version());
        Path wd = spec.workingDir() == null ? null : Path.of(spec.workingDir());
        return new SpawnRequest(command, wd, env, LogFiles.fileFor(logDir, spec.id()),
                new ProcessSetup(as.user(), as.group(), as.umask(), as.limits()));
    }
}
