package procrust.config;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code [[process]]} entry after normalisation: every default filled in, never null except
 * {@code workingDir}, {@code healthCheck}, {@code label} and {@code liveness}. Entries with the same {@code id} are
 * versions of one process; the instance identity is ({@code id}, {@code applyOn.text()}).
 *
 * @param index      0-based position of the entry in the file (ties in ordering keep file order)
 * @param pos        position of the entry's table header
 * @param fieldPos   positions of its keys, by key path ({@code "command"}, {@code "schedule.start_time"})
 * @param liveness   {@code [process.health_check]}, tried while RUNNING; not in the {@link #fingerprint}: an
 *                   edit applies to the running instance from the next attempt on
 * @param runAs      who and how it runs (user, group, umask, env files, stop signal, limits)
 */
public record ProcessSpec(
        int index,
        String id,
        String command,
        ApplyOn applyOn,
        ProcessType type,
        List<String> dependsOn,
        String workingDir,
        Map<String, String> env,
        Duration stopTimeout,
        Schedule schedule,
        HealthCheck healthCheck,
        RestartPolicy restart,
        String label,
        LogPolicy logs,
        SourcePos pos,
        Map<String, SourcePos> fieldPos,
        Liveness liveness,
        RunAs runAs) {

    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);

    /** An entry without a liveness check. */
    public ProcessSpec(int index, String id, String command, ApplyOn applyOn, ProcessType type, List<String> dependsOn,
                       String workingDir, Map<String, String> env, Duration stopTimeout, Schedule schedule,
                       HealthCheck healthCheck, RestartPolicy restart, String group, LogPolicy logs, SourcePos pos,
                       Map<String, SourcePos> fieldPos) {
        this(index, id, command, applyOn, type, dependsOn, workingDir, env, stopTimeout, schedule, healthCheck, restart,
                group, logs, pos, fieldPos, null, RunAs.DEFAULT);
    }

    /** An entry that runs as procrust's own user, with every default of {@link RunAs#DEFAULT}. */
    public ProcessSpec(int index, String id, String command, ApplyOn applyOn, ProcessType type, List<String> dependsOn,
                       String workingDir, Map<String, String> env, Duration stopTimeout, Schedule schedule,
                       HealthCheck healthCheck, RestartPolicy restart, String label, LogPolicy logs, SourcePos pos,
                       Map<String, SourcePos> fieldPos, Liveness liveness) {
        this(index, id, command, applyOn, type, dependsOn, workingDir, env, stopTimeout, schedule, healthCheck, restart,
                label, logs, pos, fieldPos, liveness, RunAs.DEFAULT);
    }

    public ProcessSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(applyOn, "applyOn");
        Objects.requireNonNull(type, "type");
        dependsOn = List.copyOf(dependsOn);
        env = env == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
        stopTimeout = stopTimeout == null ? DEFAULT_STOP_TIMEOUT : stopTimeout;
        schedule = schedule == null ? Schedule.ALWAYS : schedule;
        restart = restart == null ? RestartPolicy.defaultsFor(type) : restart;
        logs = logs == null ? LogPolicy.DEFAULT : logs;
        pos = pos == null ? SourcePos.NONE : pos;
        fieldPos = fieldPos == null ? Map.of() : Map.copyOf(fieldPos);
        runAs = runAs == null ? RunAs.DEFAULT : runAs;
    }


    /** The version name: {@code apply_on} as written in the file. */
    public String version() {
        return applyOn.text();
    }

    public Instant applyInstant(ZoneId zone) {
        return applyOn.toInstant(zone);
    }

    public boolean isFake() {
        return type == ProcessType.FAKE;
    }

    /** Position of a key of this entry, or the entry's header when the key is absent. */
    public SourcePos posOf(String key) {
        return fieldPos.getOrDefault(key, pos);
    }

    /**
     * The fields that shape a started instance but are not its identity, in a canonical text form.
     * Recorded at start; a difference later means "changed since start: takes effect at next start".
     */
    public Fingerprint fingerprint() {
        return FINGERPRINTS.computeIfAbsent(this, ProcessSpec::fingerprintOf);
    }

    /**
     * Fingerprints made once per entry, not once per entry per plan (issue 18: at 1,000 services they were
     * a third of what a plan allocated). Keyed by the entry's value (equal entries have equal fingerprints),
     * weakly: an entry no longer in any file in use goes with its fingerprint.
     */
    private static final Map<ProcessSpec, Fingerprint> FINGERPRINTS =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private static Fingerprint fingerprintOf(ProcessSpec s) {
        return s.makeFingerprint();
    }

    private Fingerprint makeFingerprint() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("command", command);
        f.put("working_dir", Objects.toString(workingDir, ""));
        f.put("env", env.toString());
        f.put("start_health_check", healthCheck == null ? "" : healthCheck.toString());
        f.put("stop_timeout", stopTimeout.toString());
        f.put("restart", restart.toString());
        f.put("depends_on", dependsOn.toString());
        runAs.addTo(f);
        return new Fingerprint(f, dependsOn, stopTimeout);
    }
}
