package procrust.reconcile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import procrust.config.Config;
import procrust.plan.Action;
import procrust.plan.ActionKind;
import procrust.plan.InstanceState;
import procrust.plan.Plan;
import procrust.runtime.Host;
import procrust.state.InstanceRecord;
import procrust.state.Requests;
import procrust.state.StateFile;
import procrust.state.StateStore;

/**
 * A hold or release carried out by the command itself, under the apply lock, when no apply runs. It
 * runs the same {@link Reconciler} as apply, with a plan narrowed to the changes asked for: the
 * stops of the held ids, or the starts of the released ones that are due now (with their health
 * checks, one at a time). Nothing else is started or stopped; requests left for an apply that ended
 * are taken first. The state is left for the next apply, which adopts what was started.
 */
final class LocalHold {

    private LocalHold() {
    }

    static Holds.Outcome run(Holds.Op op, Config config, List<String> ids, Holds.Settings s, EventLog log,
                             Instant deadline) throws IOException, InterruptedException {
        Host host = s.host();
        Clock clock = host.clock();
        StateStore store = new StateStore(s.uidDir(), config.uid(), clock);
        StateStore.createDir(s.logDir());
        Observation seen = Observation.read(s.uidDir(), config, host.table(), clock, true);
        if (seen.problem() != null) {
            log.log(EventLog.Level.ERROR, "state-corrupt", null, seen.problem());
        }
        // services the state does not name (lost or damaged) are found by their environment, so that a hold
        // stops them and a release does not start a second copy; strays are left for apply to stop
        StateFile state = EnvironRecovery.sort(seen.state(), config, host.table().groupsOfUid(config.uid()),
                host.table(), s.windows(), clock.instant()).state();
        for (Path p : Requests.pending(s.uidDir())) {
            try {
                state = Requests.applyTo(state, Requests.read(p), clock.instant());
            } catch (IOException | RuntimeException e) {
                log.warn("request-rejected", null, p.getFileName() + ": " + e.getMessage());
            }
            Files.deleteIfExists(p);
        }
        Set<String> wasLive = new HashSet<>();
        for (InstanceRecord r : state.instances()) {
            if (ids.contains(r.id()) && r.claimsLive()) {
                wasLive.add(r.id());
            }
        }
        state = Requests.applyTo(state, new Requests.Request(op.request(), ids), clock.instant());
        Waker waker = new Waker();
        PlanFunction narrowed = (c, o, at) -> narrow(s.planner().plan(c, o, at), op, ids);
        // the command does not supervise: "adopted" (the reconciler taking a live process in) is a detail here
        EventLog quiet = (level, event, key, message) -> log.log("adopted".equals(event) ? EventLog.Level.DEBUG : level,
                event, key, message);
        Effects fx = new Effects(host.launcher(), host.signaller(), host.table(), clock, narrowed, s.windows(),
                store, new LogMarks(quiet, s.logDir(), clock), s.logDir(), host.probes());
        Reconciler rec = new Reconciler(fx, config, state, waker::wake);
        rec.replaceState(state); // the hold (or release) is recorded before anything is signalled
        boolean timedOut = false;
        // the time left is measured on the monotonic clock from here: a step of the wall clock neither
        // cuts the command short nor keeps it waiting
        long end = System.nanoTime() + Math.max(0, java.time.Duration.between(clock.instant(), deadline).toNanos());
        try {
            while (true) {
                Instant next = rec.step();
                if (rec.idle()) {
                    break;
                }
                long left = end - System.nanoTime();
                if (left < 0) {
                    timedOut = true;
                    break;
                }
                Instant limit = clock.instant().plusNanos(left);
                waker.awaitUntil(next.isAfter(limit) ? limit : next, clock);
            }
        } finally {
            rec.shutdown();
        }
        return outcome(op, ids, rec, wasLive, timedOut, s.waitUp());
    }

    /** The plan with only the changes asked for; every reason to leave a process alone stays. */
    static Plan narrow(Plan p, Holds.Op op, List<String> ids) {
        List<Action> out = new ArrayList<>();
        for (Action a : p.actions()) {
            boolean asked = ids.contains(a.id())
                    && (op == Holds.Op.STOP ? a.kind() == ActionKind.STOP : a.kind() == ActionKind.START);
            // a restart: the stop is the record's (STOPPING, see Requests), the start the plan's
            if (!a.isChange() || asked) {
                out.add(a);
            }
        }
        return new Plan(p.at(), out, p.nextChange());
    }

    private static Holds.Outcome outcome(Holds.Op op, List<String> ids, Reconciler rec, Set<String> wasLive,
                                         boolean timedOut, boolean waitUp) {
        List<String> lines = new ArrayList<>();
        boolean ok = !timedOut && rec.failures() == 0;
        for (String id : ids) {
            List<InstanceRecord> live = new ArrayList<>();
            InstanceRecord last = null;
            for (InstanceRecord r : rec.state().instances()) {
                if (r.id().equals(id)) {
                    last = r;
                    if (r.claimsLive() || r.state() == InstanceState.STOPPING) {
                        live.add(r);
                    }
                }
            }
            if (op == Holds.Op.STOP) {
                if (!live.isEmpty()) {
                    ok = false;
                    lines.add(id + ": held, but its process group " + live.get(0).pid() + " is still there"
                            + (timedOut ? " after the time allowed" : "") + "; the next apply keeps stopping it");
                } else {
                    lines.add(id + (wasLive.contains(id) ? ": stopped and held (no process of it remains)"
                            : ": held (it was not running)") + "; no apply is running");
                }
                continue;
            }
            boolean restart = op == Holds.Op.RESTART;
            String did = restart ? (wasLive.contains(id) ? "stopped and started again" : "started again") : "released";
            if (!restart && wasLive.contains(id)) {
                lines.add(id + ": released (it was running)");
            } else if (!live.isEmpty()) {
                InstanceRecord r = live.get(0);
                lines.add(id + ": " + did + (restart ? ", " : " and started, ") + r.state() + " (pid " + r.pid()
                        + "); no apply is running to supervise it: the next apply adopts it");
            } else if (last != null && (last.state() == InstanceState.FAILED || last.state() == InstanceState.BACKOFF)) {
                ok = false;
                lines.add(id + ": " + (restart ? "restarted" : "released") + ", but its start failed: " + last.state()
                        + (last.note() == null ? "" : " (" + last.note() + ")"));
            } else if (last != null && last.state() == InstanceState.COMPLETED) {
                lines.add(id + ": " + (restart ? "ran again to completion" : "released and run to completion"));
            } else {
                ok &= !waitUp; // --wait: not up is a failure
                lines.add(id + ": " + (restart ? (wasLive.contains(id) ? "stopped" : "nothing to stop") : "released")
                        + "; not started now: " + waitReason(rec.lastPlan(), id));
            }
        }
        return new Holds.Outcome(ok, lines);
    }

    private static String waitReason(Plan plan, String id) {
        if (plan != null) {
            for (Action a : plan.actions()) {
                if (a.id().equals(id) && a.kind() == ActionKind.WAIT) {
                    return a.reason();
                }
            }
        }
        return "nothing of it is due now";
    }
}
