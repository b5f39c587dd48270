package procrust.reconcile;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import procrust.config.Config;
import procrust.config.ProcessSpec;
import procrust.logs.LogFiles;
import procrust.runtime.ProcessTable;
import procrust.runtime.Signal;
import procrust.runtime.Signaller;
import procrust.runtime.SpawnRequest;

/**
 * Health-check probes left running by an apply that died (kill -9, crash) while one was in flight: a
 * probe that hangs would otherwise run for ever, tracked by nobody. Probes carry
 * {@code PROCRUST_HEALTH_CHECK=1} besides the service's {@code PROCRUST_UID}; an apply that starts (it
 * holds the uid's lock, so no other apply of this uid runs) ends every such group with SIGKILL. A group
 * is ended only when a member carries both entries: the proof it is a probe procrust started for this
 * uid. The health check of the instance, if still pending, starts again with a probe of its own.
 */
final class OrphanProbes {

    static final String MARK = "PROCRUST_HEALTH_CHECK";

    private OrphanProbes() {
    }

    /**
     * The spawn of a command health check of {@code spec}: as the service's own (same path, so its
     * environment, working dir and user), plus the probe mark, output to {@code LOGDIR/health/<id>.log}.
     */
    static SpawnRequest probeRequest(Config config, Path logDir, ProcessSpec spec, String command) {
        SpawnRequest r = StartOp.spawnRequest(config, logDir, spec, command);
        Map<String, String> env = new LinkedHashMap<>(r.env());
        env.put(MARK, "1");
        return new SpawnRequest(r.command(), r.workingDir(), env, LogFiles.healthFileFor(logDir, spec.id()));
    }

    /** Ends the probe groups of {@code uid} that no running apply owns; returns how many. */
    static int end(ProcessTable table, Signaller signaller, String uid, EventLog log) {
        List<Long> groups = table.groupsCarrying(List.of("PROCRUST_UID=" + uid, MARK + "=1"));
        for (long g : groups) {
            log.info("probe-orphan", null, "health-check probe in process group " + g
                    + " was left running by an apply that ended abruptly: SIGKILL to its group");
            signaller.signalGroup(g, Signal.KILL);
        }
        return groups.size();
    }
}
