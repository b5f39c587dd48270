package procrust.config.raw;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import procrust.config.ApplyOn;
import procrust.config.ProcessType;
import procrust.config.SourcePos;

/**
 * One {@code [[process]]} entry as written. Null means absent (or unreadable, already reported); the
 * defaults are filled later by the normaliser.
 *
 * @param index 0-based position among the entries of the file
 * @param dependsOn the ids as written, with the position of each
 */
public record RawProcess(
        int index,
        SourcePos pos,
        Map<String, SourcePos> at,
        String id,
        String command,
        ApplyOn applyOn,
        ProcessType type,
        List<RawRef> dependsOn,
        String workingDir,
        Map<String, String> env,
        Duration stopTimeout,
        RawSchedule schedule,
        RawHealthCheck startHealthCheck,
        RawRestart restart,
        String label,
        Long logMaxSize,
        Long logKeep,
        RawLiveness healthCheck,
        RawRunAs runAs) implements Located {

    public RawProcess {
        at = Map.copyOf(at);
        runAs = runAs == null ? RawRunAs.NONE : runAs;
        dependsOn = dependsOn == null ? null : List.copyOf(dependsOn);
    }

    /** The same entry at another place among the entries of the file. */
    public RawProcess withIndex(int newIndex) {
        return new RawProcess(newIndex, pos, at, id, command, applyOn, type, dependsOn, workingDir, env, stopTimeout,
                schedule, startHealthCheck, restart, label, logMaxSize, logKeep, healthCheck, runAs);
    }

    /** True for an entry that is ignored everywhere ({@code type = "fake"}). */
    public boolean isFake() {
        return type == ProcessType.FAKE;
    }
}
