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
 * Performs a START: spawns the entry's command and records the new process (PENDING_HEALTH_CHECK
 * when it has a health check, else RUNNING at once; a oneshot also records the window it runs in).
 * A command that cannot start is a failed start with the reason in the note, never a crash of apply.
 * The spawn is gated: the record with the new pid is written to the state file before the command
 * runs, and when it cannot be written the command never runs (a failed start), so no service ever
 * runs that the state file does not name.
 */
final class Starter {

    private Starter() {
    }

    /** Returns the spawned process, or null when it could not start (the record says why). */
    static Spawned start(Reconciler r, Key k, String reason, Instant now) {
        Effects fx = r.fx();
        Config config = r.config();
        ProcessSpec spec = Entries.entry(config, k);
        if (spec == null) {
            fx.log().log(EventLog.Level.ERROR, "bug", k, "the plan starts a version that is not in the file");
            return null;
        }
        InstanceRecord was = r.state().find(k.id(), k.version()).orElse(null);
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
            ExitRules.Outcome o = ExitRules.failedStart(b.gone(null).fingerprint(spec.fingerprint()).build(), spec,
                    "cannot start: " + e.getMessage(), now);
            fx.log().warn(o.event(), k, o.record().note());
            r.failureCounted();
            r.setState(r.state().put(o.record()));
            return null;
        }
        boolean checked = spec.healthCheck() != null;
        b.process(spec.type().wire(), sp.pid(), sp.startTicks(), fx.table().bootId(), now, spec.fingerprint())
                .state(checked ? InstanceState.PENDING_HEALTH_CHECK : InstanceState.RUNNING, now)
                .runningSince(checked ? null : now).note(null);
        if (spec.type() == ProcessType.ONESHOT) {
            b.completedWindow(fx.windows().openingOf(spec, config.zone(), now));
        }
        r.setState(r.state().put(b.build()));
        // the pid is on disk before the command runs: a crash from here on leaves nothing untracked
        String notWritten = r.persist();
        if (notWritten != null) {
            sp.gate().close();
            ExitRules.Outcome o = ExitRules.failedStart(b.gone(null).build(), spec,
                    "not started: its pid could not be recorded (" + notWritten + ")", now);
            fx.log().warn(o.event(), k, o.record().note());
            r.failureCounted();
            r.setState(r.state().put(o.record()));
            return null;
        }
        if (spec.logs().group() != null) {
            String why = LogAccess.share(LogFiles.fileFor(fx.logDir(), spec.id()), spec.logs().group());
            if (why != null) {
                fx.log().warn("log-group", k, why + "; the log stays readable by procrust's user only");
            }
        }
        // logged (and marked in the service's log) just before the command runs: the marker comes first
        fx.log().info("started", k, "pid " + sp.pid() + (checked ? " (health check next)" : " (RUNNING: no health check)")
                + "; started because: " + reason);
        sp.gate().open();
        return sp;
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
