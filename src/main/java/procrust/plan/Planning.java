package procrust.plan;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import procrust.config.Config;
import procrust.config.ProcessSpec;
import procrust.config.ProcessType;

/**
 * One run of the planner. First pass, per id: stop what is not wanted (held, no active version,
 * outside its window, a version no longer active), keep or adopt the live active version, wait for
 * what is not wanted. Second pass, in the topological order of the active versions' dependencies:
 * start (or replace into) each wanted active version that is not alive, unless its own record
 * (FAILED, BACKOFF, COMPLETED, STOPPED), a dependency or a pending start holds it back.
 */
final class Planning {

    private final ZoneId zone;
    private final Instant at;
    private final Facts facts;
    private final Reasons reasons;
    private final Calendars calendars;
    private final List<Action> starts = new ArrayList<>();
    private final ProcrustUser self;
    private ObservedInstance pending;

    Planning(Config config, Observed observed, Instant at) {
        this.zone = config.zone();
        this.at = at;
        this.facts = new Facts(config, observed, at);
        this.reasons = new Reasons(zone, at);
        this.calendars = new Calendars(zone, at);
        this.self = observed.self();
    }

    Plan run() {
        List<Proc> withActive = new ArrayList<>();
        for (Proc p : facts.procs()) {
            firstPass(p);
            if (p.active != null) {
                withActive.add(p);
            }
        }
        pending = pendingStart();
        for (Proc p : Order.dependenciesFirst(withActive, this::activeDependencies)) {
            if (p.primary == null) {
                secondPass(p, p.active);
            }
        }
        return new Plan(at, assemble(), nextChange());
    }

    private void firstPass(Proc p) {
        ProcessSpec spec = p.active;
        Optional<Windows.Window> window = spec == null ? Optional.empty() : windowOf(spec);
        boolean wanted = spec != null && !p.held && window.isPresent();
        ObservedInstance activeLive = null;
        if (wanted) {
            for (ObservedInstance o : p.observed) {
                if (o.alive() && o.version().equals(spec.version())) {
                    activeLive = o;
                }
            }
        }
        for (ObservedInstance live : p.observed) {
            if (!live.alive()) {
                continue;
            }
            if (live == activeLive) {
                p.primary = keepOrAdopt(p, spec, live);
            } else if (wanted && activeLive == null && p.replaceFrom == null) {
                p.replaceFrom = live;
            } else {
                if (spec != null && live.version().equals(spec.version())) {
                    p.stoppingActive = true;
                }
                stop(p, live, reasons.whyStop(p, window.isPresent(), live, nextOpening(spec)));
            }
        }
        if (wanted || p.primary != null) {
            return;
        }
        Action wait;
        if (p.held) {
            wait = Action.waiting(p.id, spec == null ? null : spec.version(), reasons.held(p.id));
        } else if (spec == null) {
            if (!p.inFile()) {
                return;
            }
            wait = p.next != null
                    ? Action.waitingUntil(p.id, null, reasons.notActiveUntil(p.nextAt), p.nextAt)
                    : Action.waiting(p.id, null, "every version is fake: nothing to run");
        } else {
            Instant opens = nextOpening(spec);
            wait = Action.waitingUntil(p.id, spec.version(), reasons.outsideWindow(spec, opens), opens);
        }
        p.primary = wait;
        if (p.stops.isEmpty()) {
            // a stop already says why; the wait would repeat it
            p.others.add(wait);
        }
    }

    private Action keepOrAdopt(Proc p, ProcessSpec spec, ObservedInstance live) {
        List<String> changed = changedFields(spec, live);
        String reason = reasons.live(live) + reasons.changed(changed);
        Action a = live.needsAdoption() ? Action.adopt(p.id, spec.version(), reason, changed)
                : Action.keep(p.id, spec.version(), reason, changed);
        p.others.add(a);
        return a;
    }

    /** A wanted id whose active version is not alive: start, replace, keep (done) or wait. */
    private void secondPass(Proc p, ProcessSpec spec) {
        ObservedInstance rec = p.observed(spec.version());
        ObservedInstance old = p.replaceFrom;
        Action self = selfBlock(spec, rec);
        if (self != null) {
            notStartingNow(p, old, self, reasons.replacedBy(spec, p.activeAt, self.reason()));
            return;
        }
        List<String> after = new ArrayList<>();
        List<Proc> blocking = new ArrayList<>();
        for (String depId : spec.dependsOn()) {
            Proc dep = facts.get(depId);
            if (dep != null && dependencyUp(dep)) {
                continue;
            }
            if (dep != null && dep.started) {
                after.add(depId);
            } else {
                blocking.add(dep == null ? new Proc(depId, Integer.MAX_VALUE) : dep);
            }
        }
        if (!blocking.isEmpty()) {
            String why = reasons.waitingFor(blocking);
            Action wait = Action.waiting(p.id, spec.version(), why);
            notStartingNow(p, old, wait, reasons.replacedBy(spec, p.activeAt, why));
            return;
        }
        if (pending != null) {
            // the old version, if any, keeps running until this replace can be done
            Action wait = Action.waiting(p.id, spec.version(), reasons.oneAtATime(pending, old));
            p.primary = wait;
            p.others.add(wait);
            return;
        }
        Action a = old == null
                ? Action.start(p.id, spec.version(),
                        reasons.start(spec, rec, windowOf(spec).orElse(null), after) + refusal(spec))
                : Action.replace(p.id, spec.version(), old.version(),
                        reasons.replace(spec, p.activeAt, old, after) + refusal(spec));
        p.primary = a;
        p.started = true;
        starts.add(a);
    }

    /** "; will be refused: ..." when procrust may not run the entry as its user or group, else "". */
    private String refusal(ProcessSpec spec) {
        String r = self.refusal(spec.runAs());
        return r == null ? "" : "; " + r + " (only root can start a process as another user or group)";
    }

    /** A wait or keep coming from the instance's own record (FAILED, BACKOFF, COMPLETED, STOPPED), or null. */
    private Action selfBlock(ProcessSpec spec, ObservedInstance rec) {
        if (rec == null) {
            return null;
        }
        String id = spec.id();
        switch (rec.state()) {
            case FAILED:
                if (rec.fingerprint().equals(spec.fingerprint())) {
                    return Action.waiting(id, spec.version(), reasons.failed(rec));
                }
                return null;
            case BACKOFF:
                if (rec.backoffUntil() != null && rec.backoffUntil().isAfter(at)) {
                    return Action.waitingUntil(id, spec.version(), reasons.backoff(rec), rec.backoffUntil());
                }
                return null;
            case COMPLETED:
                Instant opening = windowOf(spec).map(Windows.Window::opens).orElse(null);
                if (spec.schedule().isAlways() || (opening != null && opening.equals(rec.completedWindow()))) {
                    return Action.keep(id, spec.version(), reasons.completed(spec, rec, nextOpening(spec)));
                }
                return null;
            case STOPPED:
                Instant open = windowOf(spec).map(Windows.Window::opens).orElse(null);
                if (rec.since() != null && open != null && !rec.since().isBefore(open)) {
                    return Action.keep(id, spec.version(), reasons.stopped(spec, rec, nextOpening(spec)));
                }
                return null;
            default:
                return null;
        }
    }

    /** Records the outcome of a wanted id that does not start now; a live old version is stopped. */
    private void notStartingNow(Proc p, ObservedInstance old, Action outcome, String stopReason) {
        if (old != null) {
            stop(p, old, stopReason);
        }
        p.primary = outcome;
        p.others.add(outcome);
    }

    /** RUNNING in its active version (and not stopped by this plan), or a oneshot COMPLETED in it. */
    private static boolean dependencyUp(Proc dep) {
        ProcessSpec d = dep.active;
        if (d == null || dep.stoppingActive) {
            return false;
        }
        ObservedInstance rec = dep.observed(d.version());
        if (rec == null) {
            return false;
        }
        if (d.type() != ProcessType.ONESHOT && rec.alive() && rec.state() == InstanceState.RUNNING) {
            // a oneshot dependency counts only once it has COMPLETED (SPEC §3 "Dependencies")
            return true;
        }
        return d.type() == ProcessType.ONESHOT && rec.state() == InstanceState.COMPLETED;
    }

    /** A live instance between spawn and RUNNING that this plan does not stop: no other start meanwhile. */
    private ObservedInstance pendingStart() {
        for (ObservedInstance rec : facts.instances()) {
            if (rec.alive() && rec.state() == InstanceState.PENDING_HEALTH_CHECK && !stopped(rec)) {
                return rec;
            }
        }
        return null;
    }

    private boolean stopped(ObservedInstance rec) {
        for (Action a : facts.get(rec.id()).stops) {
            if (a.version().equals(rec.version())) {
                return true;
            }
        }
        return false;
    }

    private List<Proc> activeDependencies(Proc p) {
        return procs(p.active.dependsOn());
    }

    /**
     * For stop order: what the stopped versions depend on; for a version no longer in the file, the
     * {@code depends_on} recorded at its start; the active version's when neither is known.
     */
    private List<Proc> stopDependencies(Proc p) {
        Set<String> deps = new LinkedHashSet<>();
        for (Action a : p.stops) {
            ProcessSpec e = p.entry(a.version());
            ObservedInstance o = p.observed(a.version());
            if (e != null) {
                deps.addAll(e.dependsOn());
            } else if (o != null) {
                deps.addAll(o.fingerprint().dependsOn());
            }
        }
        if (deps.isEmpty() && p.active != null) {
            deps.addAll(p.active.dependsOn());
        }
        return procs(deps);
    }

    private List<Proc> procs(Iterable<String> ids) {
        List<Proc> out = new ArrayList<>();
        for (String id : ids) {
            Proc d = facts.get(id);
            if (d != null) {
                out.add(d);
            }
        }
        return out;
    }

    private void stop(Proc p, ObservedInstance live, String reason) {
        p.stops.add(Action.stop(p.id, live.version(), reason));
    }

    private List<Action> assemble() {
        List<Action> out = new ArrayList<>();
        List<Proc> stopping = new ArrayList<>();
        for (Proc p : facts.procs()) {
            if (!p.stops.isEmpty()) {
                stopping.add(p);
            }
        }
        for (Proc p : Order.dependentsFirst(stopping, this::stopDependencies)) {
            out.addAll(p.stops);
        }
        out.addAll(starts);
        for (Proc p : facts.procs()) {
            out.addAll(p.others);
        }
        return out;
    }

    /** The earliest instant after {@code at} when the plan could change by itself. */
    private Instant nextChange() {
        Instant next = null;
        for (Proc p : facts.procs()) {
            next = min(next, calendars.nextEdge(p.active));
            next = min(next, p.nextAt);
        }
        for (ObservedInstance rec : facts.instances()) {
            if (rec.backoffUntil() != null && rec.backoffUntil().isAfter(at)) {
                next = min(next, rec.backoffUntil());
            }
        }
        return next;
    }

    private static Instant min(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    private static List<String> changedFields(ProcessSpec spec, ObservedInstance live) {
        Map<String, String> was = live.fingerprint().fields();
        if (was.isEmpty()) {
            return List.of();
        }
        Map<String, String> now = spec.fingerprint().fields();
        if (was == now || was.equals(now)) {
            return List.of();
        }
        List<String> changed = new ArrayList<>(0);
        for (Map.Entry<String, String> e : now.entrySet()) {
            if (!e.getValue().equals(was.get(e.getKey()))) {
                changed.add(e.getKey());
            }
        }
        for (String k : was.keySet()) {
            if (!now.containsKey(k)) {
                changed.add(k);
            }
        }
        return changed;
    }

    /** The window containing {@code at} (for 24x7: from the version's apply instant, never closing). */
    private Optional<Windows.Window> windowOf(ProcessSpec spec) {
        Proc p = facts.get(spec.id());
        return calendars.windowOf(spec, p.active == spec ? p.activeAt : spec.applyInstant(zone));
    }

    private Instant nextOpening(ProcessSpec spec) {
        return calendars.nextOpening(spec);
    }
}
