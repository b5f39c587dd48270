package procrust.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import procrust.config.Config;
import procrust.metrics.MetricsFile;
import procrust.metrics.MetricsText;
import procrust.reconcile.ApplyObserver;
import procrust.reconcile.EventLog;
import procrust.reconcile.Key;
import procrust.reconcile.PlanFunction;
import procrust.reconcile.StatusBuilder;
import procrust.reconcile.StatusReport;
import procrust.state.StateFile;

/**
 * {@code apply --metrics-file}: keeps the latest (immutable) file and state the apply stepped with, and
 * has {@link MetricsFile} render them on its own thread after each change and every 15 s: what {@code
 * status} would show ({@link StatusBuilder}), as Prometheus text ({@link MetricsText}). Liveness failures
 * are counted from the event log: each failed attempt is a {@code health-check} event (failure 1, 2 of
 * 3...), except the one that makes the count, which is the {@code unhealthy} event.
 */
final class MetricsObserver implements ApplyObserver {

    private record Snapshot(Config config, StateFile state, Instant at) {
    }

    private final MetricsFile file;
    private final PlanFunction planner;
    private final long applyPid = ProcessHandle.current().pid();
    private final Map<Key, Long> failedChecks = new ConcurrentHashMap<>();
    private volatile Snapshot latest;

    MetricsObserver(Path path, PlanFunction planner, PrintWriter err) {
        this.planner = planner;
        this.file = new MetricsFile(path, this::render, msg -> {
            synchronized (err) {
                err.println("procrust: warning: " + msg);
                err.flush();
            }
        });
    }

    private String render() {
        Snapshot s = latest;
        if (s == null) {
            throw new IllegalStateException("apply has not looked at the host yet");
        }
        StatusReport report = StatusBuilder.build(s.config(), s.state(), applyPid, null, planner, s.at());
        return MetricsText.render(report, Map.copyOf(failedChecks), s.at());
    }

    @Override
    public void stepped(Config config, StateFile state, Instant at) {
        Snapshot was = latest;
        latest = new Snapshot(config, state, at);
        if (was == null || was.state() != state || was.config() != config) {
            file.changed();
        }
    }

    @Override
    public void event(EventLog.Level level, String event, Key key, String message) {
        boolean failedAttempt = event.equals("health-check") && level == EventLog.Level.WARN
                && message != null && message.startsWith("failure ");
        if (key != null && (failedAttempt || event.equals("unhealthy"))) {
            failedChecks.merge(key, 1L, Long::sum);
            file.changed();
        }
    }

    @Override
    public void close() {
        file.close();
    }
}
