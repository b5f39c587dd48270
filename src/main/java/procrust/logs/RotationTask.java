package procrust.logs;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import procrust.config.Config;
import procrust.config.LogPolicy;
import procrust.config.ProcessSpec;

/**
 * The periodic check that keeps every log folder within its bound: each run looks at the size of
 * each process's log and rotates the ones past their {@code log_max_size} ({@link LogRotator}).
 * A failure on one file is reported through {@code warn} and never stops the others or the schedule.
 * A check is one {@code stat} per file, so checking every second costs nothing measurable.
 */
public final class RotationTask implements Runnable {

    /** How often apply checks sizes by default: the bound on how far past max_size a file can grow. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

    private final Supplier<Map<Path, LogPolicy>> files;
    private final Consumer<String> warn;

    /**
     * @param files the log files to watch and each one's policy, asked afresh on every run (so a
     *              reloaded config takes effect); see {@link #policies}
     * @param warn  where to say that a rotation failed (one line each)
     */
    public RotationTask(Supplier<Map<Path, LogPolicy>> files, Consumer<String> warn) {
        this.files = Objects.requireNonNull(files, "files");
        this.warn = Objects.requireNonNull(warn, "warn");
    }

    @Override
    public void run() {
        Map<Path, LogPolicy> now;
        try {
            now = files.get();
        } catch (RuntimeException e) {
            warn.accept("log rotation: cannot list the log files: " + e);
            return;
        }
        for (Map.Entry<Path, LogPolicy> e : now.entrySet()) {
            try {
                LogRotator.rotateIfNeeded(e.getKey(), e.getValue());
            } catch (IOException | RuntimeException ex) {
                warn.accept("log rotation of " + e.getKey() + " failed: " + ex.getMessage());
            }
        }
    }

    /** Runs this task every {@code every} on {@code ses} (first run at once). */
    public ScheduledFuture<?> scheduleOn(ScheduledExecutorService ses, Duration every) {
        return ses.scheduleWithFixedDelay(this, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The log file of each id of {@code config} in {@code logDir}, with its policy: that of the
     * version active at {@code at} (the non-fake entry with the latest {@code apply_on} not after it),
     * else of its latest non-fake entry, else the file-wide default. One log file serves every
     * version of an id.
     */
    public static Map<Path, LogPolicy> policies(Config config, Path logDir, Instant at) {
        Map<Path, LogPolicy> out = new LinkedHashMap<>();
        for (String id : config.ids()) {
            ProcessSpec best = null;
            ProcessSpec latest = null;
            for (ProcessSpec p : config.versionsOf(id)) {
                if (p.isFake()) {
                    continue;
                }
                Instant when = p.applyInstant(config.zone());
                if (latest == null || when.isAfter(latest.applyInstant(config.zone()))) {
                    latest = p;
                }
                if (!when.isAfter(at) && (best == null || when.isAfter(best.applyInstant(config.zone())))) {
                    best = p;
                }
            }
            ProcessSpec chosen = best != null ? best : latest;
            out.put(LogFiles.fileFor(logDir, id), chosen != null ? chosen.logs() : config.logs());
        }
        return out;
    }
}
