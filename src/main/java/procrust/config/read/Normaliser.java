package procrust.config.read;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import procrust.config.Config;
import procrust.config.HealthCheck;
import procrust.config.LogPolicy;
import procrust.config.ProcessSpec;
import procrust.config.ProcessType;
import procrust.config.RestartPolicy;
import procrust.config.Schedule;
import procrust.config.SourcePos;
import procrust.config.raw.Located;
import procrust.config.raw.RawConfig;
import procrust.config.raw.RawHealthCheck;
import procrust.config.raw.RawProcess;
import procrust.config.raw.RawRef;
import procrust.config.raw.RawRestart;
import procrust.config.raw.RawSchedule;

/**
 * The one normalising step: a raw config without errors into the model, every default filled in.
 * Defaults: type normal; stop_timeout 10s; schedule 24x7 (start 00:00, stop end of day, every day);
 * health check timeout 30s, interval 1s; restart per type ({@link RestartPolicy#defaultsFor});
 * log rotation from the process, else the file's top level, else {@link LogPolicy#DEFAULT}; timezone
 * the host's. A relative working_dir is taken from the directory of the file. The uid is written in
 * lower case (the canonical UUID form), so the state directory does not depend on its spelling.
 */
public final class Normaliser {

    private Normaliser() {
    }

    /** Normalises {@code raw}, which must be free of errors (validated). */
    public static Config normalise(Path file, RawConfig raw) {
        boolean explicit = raw.timezone() != null;
        ZoneId zone = explicit ? ZoneId.of(raw.timezone()) : ZoneId.systemDefault();
        LogPolicy fileLogs = logs(raw.logMaxSize(), raw.logKeep(), LogPolicy.DEFAULT);
        if (raw.logGroup() != null) {
            fileLogs = new LogPolicy(fileLogs.maxSize(), fileLogs.keep(), raw.logGroup());
        }
        Path dir = file.toAbsolutePath().getParent();
        List<ProcessSpec> processes = new ArrayList<>(raw.processes().size());
        for (RawProcess p : raw.processes()) {
            processes.add(process(p, fileLogs, dir));
        }
        return new Config(file, raw.uid().toLowerCase(Locale.ROOT), raw.fileFormat(), zone, explicit, processes, fileLogs);
    }

    static ProcessSpec process(RawProcess p, LogPolicy fileLogs, Path dir) {
        ProcessType type = p.type() == null ? ProcessType.NORMAL : p.type();
        List<String> deps = new ArrayList<>();
        if (p.dependsOn() != null) {
            LinkedHashSet<String> seen = new LinkedHashSet<>();
            for (RawRef r : p.dependsOn()) {
                seen.add(r.id());
            }
            deps.addAll(seen);
        }
        String workingDir = p.workingDir();
        if (workingDir != null && dir != null) {
            workingDir = dir.resolve(workingDir).normalize().toString();
        }
        return new ProcessSpec(p.index(), p.id(), p.command(), p.applyOn(), type, deps, workingDir,
                p.env() == null ? Map.of() : p.env(),
                orDefault(p.stopTimeout(), ProcessSpec.DEFAULT_STOP_TIMEOUT),
                schedule(p.schedule()), healthCheck(p.startHealthCheck()), restart(p.restart(), type),
                p.group(), logs(p.logMaxSize(), p.logKeep(), fileLogs), p.pos(), fieldPositions(p));
    }

    private static Schedule schedule(RawSchedule s) {
        if (s == null) {
            return Schedule.ALWAYS;
        }
        EnumSet<DayOfWeek> days = s.weekDays() == null ? EnumSet.allOf(DayOfWeek.class) : EnumSet.copyOf(s.weekDays());
        return new Schedule(s.startTime(), s.stopTime(), days);
    }

    private static HealthCheck healthCheck(RawHealthCheck h) {
        if (h == null) {
            return null;
        }
        return new HealthCheck(h.command(), orDefault(h.timeout(), HealthCheck.DEFAULT_TIMEOUT),
                orDefault(h.interval(), HealthCheck.DEFAULT_INTERVAL));
    }

    private static RestartPolicy restart(RawRestart r, ProcessType type) {
        RestartPolicy d = RestartPolicy.defaultsFor(type);
        if (r == null) {
            return d;
        }
        return new RestartPolicy(r.policy() == null ? d.policy() : r.policy(),
                r.maxAttempts() == null ? d.maxAttempts() : r.maxAttempts().intValue(),
                orDefault(r.delay(), d.delay()), orDefault(r.maxDelay(), d.maxDelay()));
    }

    private static LogPolicy logs(Long maxSize, Long keep, LogPolicy defaults) {
        if (maxSize == null && keep == null) {
            return defaults;
        }
        return new LogPolicy(maxSize == null ? defaults.maxSize() : maxSize,
                keep == null ? defaults.keep() : (int) Math.min(Integer.MAX_VALUE, keep), defaults.group());
    }

    private static Duration orDefault(Duration d, Duration fallback) {
        return d == null ? fallback : d;
    }

    /** Positions of every key of the entry by key path ("command", "schedule.start_time"). */
    private static Map<String, SourcePos> fieldPositions(RawProcess p) {
        Map<String, SourcePos> out = new LinkedHashMap<>(p.at());
        nested(out, "schedule.", p.schedule());
        nested(out, "start_health_check.", p.startHealthCheck());
        nested(out, "restart.", p.restart());
        return out;
    }

    private static void nested(Map<String, SourcePos> out, String prefix, Located l) {
        if (l != null) {
            for (Map.Entry<String, SourcePos> e : l.at().entrySet()) {
                out.put(prefix + e.getKey(), e.getValue());
            }
        }
    }
}
