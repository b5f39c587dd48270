package procrust.logs;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code procrust logs ID ID... [-f] [-n N]}: the logs of several processes on one output, each line
 * prefixed {@code ID | } ({@link PrefixedLines}). Without {@code -f}, the last N lines of each id,
 * one id after the other (a log has no timestamps to merge them by). With {@code -f}, the last N
 * lines of each, then every line as it is written, interleaved by line: one follower thread per id,
 * until the output is closed ({@code | head}) or the command is interrupted.
 */
public final class MultiLogs {

    private MultiLogs() {
    }

    /** @param logs id to its log file, in the order given */
    public static void print(Map<String, Path> logs, int n, PrintStream out) throws IOException {
        for (Map.Entry<String, Path> e : logs.entrySet()) {
            PrefixedLines p = new PrefixedLines(out, e.getKey());
            LogTail.print(e.getValue(), n, p);
            p.finish();
        }
    }

    /** Follows every log until the output is closed or this thread is interrupted. */
    public static void follow(Map<String, Path> logs, int n, PrintStream out) throws IOException, InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<IOException> failed = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        Map<String, Path> ordered = new LinkedHashMap<>(logs);
        for (Map.Entry<String, Path> e : ordered.entrySet()) {
            PrefixedLines p = new PrefixedLines(out, e.getKey());
            Thread t = new Thread(() -> {
                try {
                    new LogFollower(e.getValue(), p, LogFollower.DEFAULT_POLL)
                            .follow(n, () -> stop.get() || out.checkError());
                } catch (IOException ex) {
                    failed.compareAndSet(null, ex);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                } finally {
                    stop.set(true); // one ends (output closed, error): all end
                }
            }, "procrust-logs-" + e.getKey());
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        try {
            for (Thread t : threads) {
                t.join();
            }
        } finally {
            stop.set(true);
        }
        if (failed.get() != null) {
            throw failed.get();
        }
    }
}
