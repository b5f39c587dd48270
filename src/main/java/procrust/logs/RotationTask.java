package procrust.logs;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
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
    /** The last policies seen, and what is known of each of their files. */
    private Map<Path, LogPolicy> lastPolicies;
    private Map<Path, Watched> watched = new java.util.HashMap<>();
    /** Runs so far: the clock of the per-file schedule (a run is one interval). */
    private long run;
    /** Runs the next {@link #run} counts for (those skipped while every log was quiet, plus its own). */
    private int skip = 1;

    /**
     * A log file and when to look at it next. A file that grew since the last look is looked at on
     * every run; one that stayed the same size is looked at after 2, 4, then every
     * {@link #QUIET_RUNS} runs, and on every run again as soon as it grows.
     */
    private static final class Watched {
        final File file;
        long size = -1;
        long nextRun;
        int gap = 1;

        Watched(Path p) {
            file = p.toFile();
        }
    }

    /**
     * At most this many runs (seconds) between two looks at a log that has not grown: an idle apply
     * with a hundred quiet services then makes about 20 {@code stat} calls a second instead of 100.
     * The price: a log that wakes up after a quiet spell can overshoot {@code log_max_size} by up to
     * this many seconds of its output before its first rotation (docs/operations.md).
     */
    static final int QUIET_RUNS = 5;

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
        if (now != lastPolicies) { // a new file in force: new paths (what is known of kept ones stays)
            Map<Path, Watched> kept = new java.util.HashMap<>();
            for (Path p : now.keySet()) {
                Watched w = watched.get(p);
                kept.put(p, w != null ? w : new Watched(p));
            }
            watched = kept;
            lastPolicies = now;
        }
        run += skip;
        for (Map.Entry<Path, LogPolicy> e : now.entrySet()) {
            try {
                Watched w = watched.get(e.getKey());
                if (run < w.nextRun) {
                    continue;
                }
                // java.io.File#length is one stat(2) and no garbage (0 when the file is missing),
                // where Files.size builds attribute objects; this runs for as long as apply lives
                long size = w.file.length();
                w.gap = size == w.size ? Math.min(w.gap * 2, QUIET_RUNS) : 1;
                w.size = size;
                w.nextRun = run + w.gap;
                if (size <= e.getValue().maxSize()) {
                    continue;
                }
                w.gap = 1;
                w.nextRun = run + 1;
                LogRotator.rotateIfNeeded(e.getKey(), e.getValue());
            } catch (IOException | RuntimeException ex) {
                warn.accept("log rotation of " + e.getKey() + " failed: " + ex.getMessage());
            }
        }
        long next = QUIET_RUNS;
        for (Watched w : watched.values()) {
            next = Math.min(next, w.nextRun - run);
        }
        skip = (int) Math.max(1, next);
    }

    /**
     * Runs (intervals) until a log is due again: 1 while any log grows, up to {@link #QUIET_RUNS}
     * when all are quiet. The scheduled task sleeps that long, so an idle apply wakes its rotation
     * thread every 5 s rather than every second; the next {@link #run} counts the runs skipped.
     */
    int runsUntilNext() {
        return skip;
    }

    /**
     * Runs this task on {@code ses} at once, then again after {@link #runsUntilNext} times
     * {@code every}, until {@code ses} is shut down.
     */
    public void scheduleOn(ScheduledExecutorService ses, Duration every) {
        ses.execute(() -> runThenReschedule(ses, every));
    }

    private void runThenReschedule(ScheduledExecutorService ses, Duration every) {
        try {
            run();
        } finally {
            try {
                ses.schedule(() -> runThenReschedule(ses, every), every.toMillis() * runsUntilNext(),
                        TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // shut down: apply is ending
            }
        }
    }

    /**
     * {@link #policies} of the file in force, computed again only when that file changes or when a
     * version's {@code apply_on} passes (the only moments the answer can change), not on every run:
     * the check runs for as long as apply lives, and an idle apply should cost next to nothing.
     * Called from the rotation thread only.
     */
    public static Supplier<Map<Path, LogPolicy>> cachedPolicies(Supplier<Config> config, Path logDir,
                                                                Supplier<Instant> clock) {
        return new Supplier<>() {
            private Config forConfig;
            private Instant validUntil;
            private Map<Path, LogPolicy> cached;

            @Override
            public Map<Path, LogPolicy> get() {
                Config c = config.get();
                Instant now = clock.get();
                if (c != forConfig || cached == null || (validUntil != null && !now.isBefore(validUntil))) {
                    cached = policies(c, logDir, now);
                    validUntil = nextApplyOn(c, now);
                    forConfig = c;
                }
                return cached;
            }
        };
    }

    /** The first {@code apply_on} of a real (non-fake) entry after {@code at}, or null when none. */
    static Instant nextApplyOn(Config config, Instant at) {
        Instant next = null;
        for (ProcessSpec p : config.processes()) {
            if (p.isFake()) {
                continue;
            }
            Instant when = p.applyInstant(config.zone());
            if (when.isAfter(at) && (next == null || when.isBefore(next))) {
                next = when;
            }
        }
        return next;
    }

    /**
     * The log file of each id of {@code config} in {@code logDir}, with its policy: that of the
     * version active at {@code at} ({@link Config#activeAmong}), else of its latest non-fake entry, else the file-wide default. One log file serves every
     * version of an id.
     */
    public static Map<Path, LogPolicy> policies(Config config, Path logDir, Instant at) {
        Map<Path, LogPolicy> out = new LinkedHashMap<>();
        for (String id : config.ids()) {
            List<ProcessSpec> versions = config.versionsOf(id);
            ProcessSpec best = Config.activeAmong(versions, config.zone(), at);
            ProcessSpec latest = null;
            for (ProcessSpec p : versions) {
                if (!p.isFake() && (latest == null
                        || p.applyInstant(config.zone()).isAfter(latest.applyInstant(config.zone())))) {
                    latest = p;
                }
            }
            ProcessSpec chosen = best != null ? best : latest;
            out.put(LogFiles.fileFor(logDir, id), chosen != null ? chosen.logs() : config.logs());
        }
        return out;
    }
}
