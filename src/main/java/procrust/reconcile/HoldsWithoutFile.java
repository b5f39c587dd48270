package procrust.reconcile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import procrust.state.ApplyLock;
import procrust.state.InstanceRecord;
import procrust.state.Requests;
import procrust.state.StateFile;
import procrust.state.StateStore;

/**
 * {@code procrust stop|start ID...} while the file is invalid (an edit broke it): exactly when a
 * misbehaving service must be stopped. Only a running apply can act then: it keeps the last valid file
 * in force, so it knows each entry's {@code stop_timeout}, command and health check; the request goes to
 * it through the state folder as usual and the command waits for it. With no apply running nothing is
 * done: starting needs the file's command, and a stop done here could not honour settings the file may
 * have changed (the command says how to stop the process by hand).
 */
public final class HoldsWithoutFile {

    private static final Duration POLL = Duration.ofMillis(100);

    private HoldsWithoutFile() {
    }

    public static Holds.Outcome run(Holds.Op op, String uid, List<String> ids, Path uidDir, Duration limit)
            throws IOException, InterruptedException {
        // read-only loads name nothing by time: no clock is read
        StateStore store = new StateStore(uidDir, uid, Clock.fixed(java.time.Instant.EPOCH, java.time.ZoneOffset.UTC));
        StateFile state = store.load(false).state();
        Set<String> known = new TreeSet<>(state.holds());
        state.instances().forEach(r -> known.add(r.id()));
        OptionalLong apply = ApplyLock.holder(uidDir);
        if (apply.isEmpty()) {
            List<String> hints = new ArrayList<>();
            for (InstanceRecord r : state.instances()) {
                if (ids.contains(r.id()) && r.claimsLive()) {
                    hints.add("  " + r.id() + "@" + r.version() + ": kill -TERM -- -" + r.pid() + "  (its process group)");
                }
            }
            List<String> lines = new ArrayList<>();
            lines.add("no apply runs for uid " + uid + " (one keeps the last valid file and could act): fix the file"
                    + (hints.isEmpty() ? "" : ", or stop a process by hand:"));
            lines.addAll(hints);
            return new Holds.Outcome(false, lines);
        }
        List<String> unknown = ids.stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            return new Holds.Outcome(false, List.of("unknown process id" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + ": the state of uid " + uid + " names " + (known.isEmpty() ? "none"
                    : String.join(", ", known)) + "; nothing was done"));
        }
        if (op == Holds.Op.START) {
            List<String> lines = new ArrayList<>();
            List<String> rest = new ArrayList<>();
            for (String id : ids) {
                String why = Holds.notHeld(state, id, false);
                if (why == null) {
                    rest.add(id);
                } else {
                    lines.add(why);
                }
            }
            if (rest.isEmpty()) {
                return new Holds.Outcome(true, lines);
            }
            Holds.Outcome o = ask(op, rest, uidDir, store, apply.getAsLong(), limit);
            lines.addAll(o.lines());
            return new Holds.Outcome(o.ok(), lines);
        }
        return ask(op, ids, uidDir, store, apply.getAsLong(), limit);
    }

    private static Holds.Outcome ask(Holds.Op op, List<String> ids, Path uidDir, StateStore store, long applyPid,
                                     Duration limit) throws IOException, InterruptedException {
        Path request = Requests.submit(uidDir, new Requests.Request(op.request(), ids));
        long end = System.nanoTime() + limit.toNanos();
        while (true) {
            if (!Files.exists(request)) {
                StateFile state = store.load(false).state();
                if (Holds.done(op, ids, state)) {
                    List<String> out = new ArrayList<>();
                    for (String id : ids) {
                        out.add(op == Holds.Op.STOP
                                ? id + ": stopped and held (apply pid " + applyPid + ", with its last valid file, confirmed "
                                + "no process of it remains)"
                                : id + ": released; apply (pid " + applyPid + ") starts it when it is due, by its last valid file");
                    }
                    return new Holds.Outcome(true, out);
                }
            }
            if (ApplyLock.holder(uidDir).isEmpty()) {
                return new Holds.Outcome(false, List.of("apply (pid " + applyPid + ") ended before the " + op.verb()
                        + " of " + String.join(", ", ids) + " was done, and the file is invalid: fix it (procrust check)"));
            }
            if (System.nanoTime() - end > 0) {
                return new Holds.Outcome(false, List.of("apply (pid " + applyPid + ") did not confirm the " + op.verb()
                        + " of " + String.join(", ", ids) + " within " + limit.toSeconds() + "s (see procrust status)"));
            }
            Thread.sleep(POLL.toMillis());
        }
    }
}
