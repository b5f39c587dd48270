package procrust.reconcile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import procrust.config.Config;
import procrust.runtime.Host;
import procrust.state.ApplyLock;
import procrust.state.HostLock;
import procrust.state.InstanceRecord;
import procrust.state.Requests;
import procrust.state.StateFile;
import procrust.state.StateStore;

/**
 * {@code procrust stop ID...} and {@code procrust start ID...}: operator holds (SPEC §4). A hold keeps
 * an id stopped across apply restarts until it is released.
 * <ul>
 *   <li>With an apply running for the uid, the request goes to it through the state folder
 *       ({@link Requests}: a file only procrust's user can write, never a network port), and the
 *       command waits until the state file shows it done: for a stop, the id held and no process
 *       of its group left; for a start, the hold gone (apply then starts it when it is due).</li>
 *   <li>With none running, the command takes the apply lock and acts itself
 *       ({@link LocalHold}): it stops the held processes, or starts the released ones that are due
 *       now, exactly as apply would, and leaves the state for the next apply.</li>
 * </ul>
 * If the apply ends before the request is done (not yet taken, or a stop still in progress), the
 * command takes over.
 */
public final class Holds {

    /** What the command asks for. */
    public enum Op {
        STOP("hold", "stop"), START("release", "start"), RESTART("restart", "restart");

        private final String request;
        private final String verb;

        Op(String request, String verb) {
            this.request = request;
            this.verb = verb;
        }

        /** The {@link Requests} op: hold or release. */
        public String request() {
            return request;
        }

        public String verb() {
            return verb;
        }
    }

    /** The outcome: success, and one line per id saying what happened. */
    public record Outcome(boolean ok, List<String> lines) {
        public Outcome {
            lines = List.copyOf(lines);
        }
    }

    /**
     * Where and how: the uid's folder, its log folder, how long to wait, the planner, the host;
     * {@code waitUp}: a start or restart returns once each id is RUNNING (a oneshot: COMPLETED), or failed.
     */
    public record Settings(Path uidDir, Path logDir, Duration limit, PlanFunction planner, WindowOpening windows,
                           Host host, boolean waitUp) {
        public Settings(Path uidDir, Path logDir, Duration limit, PlanFunction planner, WindowOpening windows,
                        Host host) {
            this(uidDir, logDir, limit, planner, windows, host, false);
        }
    }

    private static final Duration POLL = Duration.ofMillis(100);

    private Holds() {
    }

    public static Outcome run(Op op, Config config, List<String> ids, Settings s, EventLog log)
            throws IOException, InterruptedException {
        if (op == Op.START) {
            // an id that is not held, and has no FAILED or STOPPED record to retry, has nothing to release:
            // say so (success: it is in the state asked for), rather than "released"
            StateFile now = new StateStore(s.uidDir(), config.uid(), s.host().clock()).load(false).state();
            List<String> lines = new ArrayList<>();
            List<String> rest = new ArrayList<>();
            for (String id : ids) {
                String why = notHeld(now, id, s.waitUp());
                if (why == null) {
                    rest.add(id);
                } else {
                    lines.add(why);
                }
            }
            if (rest.isEmpty()) {
                return new Outcome(true, lines);
            }
            Outcome o = release(config, rest, s, log);
            lines.addAll(o.lines());
            return new Outcome(o.ok(), lines);
        }
        return release(config, ids, s, log, op);
    }

    /**
     * Why {@code id} has nothing to release ("web: not held ..."), or null when it has. With
     * {@code waitUp} (start --wait), an id that is not up yet is waited for, not answered at once.
     */
    static String notHeld(StateFile state, String id, boolean waitUp) {
        if (state.holds().contains(id)) {
            return null;
        }
        String what = null;
        for (InstanceRecord r : state.instances()) {
            if (!r.id().equals(id)) {
                continue;
            }
            if (r.state() == procrust.plan.InstanceState.FAILED || r.state() == procrust.plan.InstanceState.STOPPED) {
                return null; // start retries it
            }
            if (waitUp && r.state() != procrust.plan.InstanceState.RUNNING
                    && r.state() != procrust.plan.InstanceState.COMPLETED) {
                return null; // start --wait waits for it to come up
            }
            what = r.state() + (r.pid() != null && r.claimsLive() ? " (pid " + r.pid() + ")" : "");
        }
        if (what == null && waitUp) {
            return null; // not started yet: start --wait waits for it
        }
        return id + ": not held, nothing to release (procrust stop holds a process)" + (what == null ? "" : "; it is " + what);
    }

    private static Outcome release(Config config, List<String> ids, Settings s, EventLog log)
            throws IOException, InterruptedException {
        return release(config, ids, s, log, Op.START);
    }

    private static Outcome release(Config config, List<String> ids, Settings s, EventLog log, Op op)
            throws IOException, InterruptedException {
        Clock clock = s.host().clock();
        Instant deadline = clock.instant().plus(s.limit());
        long end = System.nanoTime() + s.limit().toNanos(); // the limit is a length of time: monotonic
        Path base = s.uidDir().getParent();
        HostLock.Attempt host = HostLock.tryAcquire(new HostLock.Info(ProcessHandle.current().pid(), config.uid(),
                base, config.file(), s.logDir()));
        if (!host.acquired() && host.holder().stateDir() != null && !host.holder().stateDir().equals(base)) {
            return new Outcome(false, List.of("apply (pid " + host.holder().pid() + ") runs uid " + config.uid()
                    + " with state dir " + host.holder().stateDir() + ", not " + base + ": nothing was done; give --state-dir "
                    + host.holder().stateDir()));
        }
        if (host.acquired()) {
            try (HostLock hostLock = host.lock()) {
                ApplyLock.Attempt first = ApplyLock.tryAcquire(s.uidDir());
                if (first.acquired()) {
                    try (ApplyLock lock = first.lock()) {
                        return LocalHold.run(op, config, ids, s, log, deadline);
                    }
                }
            }
        }
        long applyPid = host.acquired() ? ApplyLock.holder(s.uidDir()).orElse(-1) : host.holder().pid();
        StateStore store = new StateStore(s.uidDir(), config.uid(), clock);
        Set<String> wasLive = new HashSet<>();
        Map<String, Set<Long>> oldPids = new HashMap<>();
        for (InstanceRecord r : store.load(false).state().instances()) {
            if (ids.contains(r.id()) && r.claimsLive()) {
                wasLive.add(r.id());
                oldPids.computeIfAbsent(r.id(), x -> new HashSet<>()).add(r.pid());
            }
        }
        Instant submitted = clock.instant();
        Path request = Requests.submit(s.uidDir(), new Requests.Request(op.request(), ids));
        while (true) {
            if (!Files.exists(request)) {
                StateFile state = store.load(false).state();
                if (op == Op.STOP || (op == Op.START && !s.waitUp())) {
                    if (done(op, ids, state)) {
                        return new Outcome(true, confirmed(op, ids, wasLive, applyPid));
                    }
                } else {
                    Comeback.Verdict v = Comeback.judge(op, ids, state, oldPids, submitted, s.waitUp(), applyPid);
                    if (v.done()) {
                        return new Outcome(v.ok(), v.lines());
                    }
                }
            }
            OptionalLong holder = ApplyLock.holder(s.uidDir());
            if (holder.isEmpty()) {
                // the apply ended, before it took the request or in the middle of carrying it out (a
                // stop in progress): nobody else will finish it, so act ourselves
                HostLock.Attempt hostAgain = HostLock.tryAcquire(new HostLock.Info(ProcessHandle.current().pid(),
                        config.uid(), base, config.file(), s.logDir()));
                if (hostAgain.acquired()) {
                    try (HostLock hostLock = hostAgain.lock()) {
                        ApplyLock.Attempt again = ApplyLock.tryAcquire(s.uidDir());
                        if (again.acquired()) {
                            try (ApplyLock lock = again.lock()) {
                                return LocalHold.run(op, config, ids, s, log, deadline); // takes our request too
                            }
                        }
                    }
                }
            }
            if (System.nanoTime() - end > 0) {
                return new Outcome(false, List.of(timedOut(op, ids, applyPid, s.limit(), Files.exists(request), s.waitUp())));
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** For a stop: every id held and none with a live process; for a start: no id held. */
    static boolean done(Op op, List<String> ids, StateFile state) {
        if (op == Op.START) {
            return ids.stream().noneMatch(state.holds()::contains);
        }
        if (!state.holds().containsAll(ids)) {
            return false;
        }
        for (InstanceRecord r : state.instances()) {
            if (ids.contains(r.id()) && (r.claimsLive() || r.state() == procrust.plan.InstanceState.STOPPING)) {
                return false;
            }
        }
        return true;
    }

    private static List<String> confirmed(Op op, List<String> ids, Set<String> wasLive, long applyPid) {
        List<String> out = new ArrayList<>();
        for (String id : ids) {
            if (op == Op.START) {
                out.add(id + ": released; apply (pid " + applyPid + ") starts it when it is due (see procrust status)");
            } else if (wasLive.contains(id)) {
                out.add(id + ": stopped and held (apply pid " + applyPid + " confirmed no process of it remains)");
            } else {
                out.add(id + ": held (it was not running)");
            }
        }
        return out;
    }

    private static String timedOut(Op op, List<String> ids, long applyPid, Duration limit, boolean pending,
                                   boolean waitUp) {
        String who = "apply (pid " + applyPid + ")";
        if (pending) {
            return who + " did not take the " + op.verb() + " request for " + String.join(", ", ids) + " within "
                    + limit.toSeconds() + "s; it stays queued in the state folder and is taken when apply gets to it";
        }
        if (op == Op.STOP) {
            return who + " took the request but " + String.join(", ", ids) + " still had processes after "
                    + limit.toSeconds() + "s: they stay held and apply keeps stopping them (see procrust status)";
        }
        return who + " took the " + op.verb() + " request but " + String.join(", ", ids)
                + (op == Op.START && !waitUp ? " was not released" : waitUp ? " did not come up" : " was not stopped")
                + " within " + limit.toSeconds() + "s (see procrust status)";
    }
}
