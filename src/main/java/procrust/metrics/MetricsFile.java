package procrust.metrics;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The metrics file of {@code apply --metrics-file FILE}: rendered and written on a thread of its own
 * (never the reconciler's), after each change the apply reports ({@link #changed}) and at least every
 * {@link #EVERY}. Each write goes to a temporary file in the same folder (so node_exporter's textfile
 * collector, which reads only {@code *.prom}, never sees it), is flushed to disk, and is renamed over
 * FILE: a reader sees the old file or the new one, never half of one. The file is 0644: the collector
 * usually runs as another user, and it holds no secret (ids, versions, states).
 */
public final class MetricsFile implements AutoCloseable {

    /** The file is written at least this often (SPEC §6: at least every 15 s). */
    public static final Duration EVERY = Duration.ofSeconds(15);

    private final Path file;
    private final Supplier<String> render;
    private final Consumer<String> warn;
    private final ScheduledExecutorService thread;
    private final AtomicReference<Boolean> queued = new AtomicReference<>(false);
    private volatile String lastProblem;

    /**
     * @param render the file's text now (called on the metrics thread; must read immutable values)
     * @param warn   procrust's own log, for a write that failed (said once until a write succeeds)
     */
    public MetricsFile(Path file, Supplier<String> render, Consumer<String> warn) {
        this.file = file.toAbsolutePath();
        this.render = render;
        this.warn = warn;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "procrust-metrics");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::writeNow, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Something changed: write soon (changes in a burst are written once). Never blocks. */
    public void changed() {
        if (queued.compareAndSet(false, true)) {
            try {
                thread.execute(() -> {
                    queued.set(false);
                    writeNow();
                });
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                queued.set(false);
            }
        }
    }

    private void writeNow() {
        try {
            write(file, render.get());
            lastProblem = null;
        } catch (IOException | RuntimeException e) {
            String p = "cannot write the metrics file " + file + ": " + e.getMessage();
            if (!p.equals(lastProblem)) {
                warn.accept(p);
                lastProblem = p;
            }
        }
    }

    /** Writes {@code text} to a temporary file beside {@code file}, syncs it, renames it over {@code file}. */
    static void write(Path file, String text) throws IOException {
        Path dir = file.getParent();
        Path tmp = dir.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(StandardCharsets.UTF_8.encode(text));
            ch.force(true);
        }
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /** Writes once more (the final state) and stops. */
    @Override
    public void close() {
        thread.shutdownNow();
        writeNow();
    }
}
