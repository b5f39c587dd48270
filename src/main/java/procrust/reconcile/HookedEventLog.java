package procrust.reconcile;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import procrust.hooks.HookEvent;
import procrust.hooks.HookRunner;
import procrust.logs.LogFiles;
import procrust.state.InstanceRecord;

/**
 * The event log of an apply, fanned out: every event goes to procrust's own log as before, to the
 * {@link ApplyObserver}, and, when it is one a hook can listen to, to the {@link HookRunner} (which
 * only queues it). The reconciler does not know hooks exist. Reconciler events and hook events:
 * {@code started} (and {@code restarted} when the instance had been started before), {@code stopped},
 * {@code exited}, {@code crashed} (exited, then backoff), {@code start-failed} (backoff, and exited
 * when its process ended), {@code failed}, {@code completed}, {@code unhealthy}. {@code held} and
 * {@code released} come from operator requests ({@link #held}).
 */
final class HookedEventLog implements EventLog {

    private final EventLog inner;
    private final HookRunner hooks;
    private final ApplyObserver observer;
    private final Function<Key, InstanceRecord> records;
    private final Path logDir;

    /**
     * @param records the reconciler's current record of an instance, or null (read on its own thread, at
     *                the moment of the event: the process whose event it is)
     */
    HookedEventLog(EventLog inner, HookRunner hooks, ApplyObserver observer, Function<Key, InstanceRecord> records,
                   Path logDir) {
        this.inner = inner;
        this.hooks = hooks;
        this.observer = observer;
        this.records = records;
        this.logDir = logDir;
    }

    @Override
    public void log(Level level, String event, Key key, String message) {
        inner.log(level, event, key, message);
        observer.event(level, event, key, message);
        if (key == null || !hooks.listening()) {
            return; // without hooks an event costs nothing more than its log line
        }
        List<String> names = hookEvents(event, message);
        if (names.isEmpty()) {
            return;
        }
        InstanceRecord r = records.apply(key);
        Long pid = r == null ? null : r.pid();
        if (event.equals("started") && r != null && r.restarts() > 0) {
            names = List.of("started", "restarted");
        }
        Integer status = ExitRules.statusIn(message);
        for (String n : names) {
            hooks.fire(new HookEvent(n, key.id(), key.version(), pid, status, LogFiles.fileFor(logDir, key.id())));
        }
    }

    /** An operator hold ({@code held}) or its release ({@code released}) of {@code id}. */
    void held(String id, boolean held) {
        if (!hooks.listening()) {
            return;
        }
        hooks.fire(new HookEvent(held ? "held" : "released", id, null, null, null, LogFiles.fileFor(logDir, id)));
    }

    /** The hook events a reconciler event stands for (none for most). */
    static List<String> hookEvents(String event, String message) {
        switch (event) {
            case "started":
            case "stopped":
            case "exited":
            case "completed":
            case "unhealthy":
                return List.of(event);
            case "crashed":
                return List.of("exited", "backoff");
            case "start-failed":
                return ExitRules.statusIn(message) == null ? List.of("backoff") : List.of("exited", "backoff");
            case "failed":
                return ExitRules.statusIn(message) == null ? List.of("failed") : List.of("exited", "failed");
            default:
                return List.of();
        }
    }
}
