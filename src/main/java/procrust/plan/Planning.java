package procrust.plan;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import procrust.config.Config;
import procrust.config.ProcessSpec;
import procrust.config.ProcessType;
import procrust.config.Schedule;

/** One run of the planner: the facts of one (config, observed, instant) and the actions they call for. */
final class Planning {

    private final ZoneId zone;
    private final Instant at;
    private final Facts facts;
    private final Reasons reasons;
    private final Map<Schedule, List<Windows.Window>> windowCache = new HashMap<>();

    /** Live instances to stop, by id (decided in the first pass). */
    private final Map<String, List<Action>> stops = new LinkedHashMap<>();
    /** Ids whose active version's live instance is stopped by this plan. */
    private final Set<String> stoppingActive = new HashSet<>();
    /** The old live version a wanted id would be replaced from. */
    private final Map<String, ObservedInstance> replaceFrom = new HashMap<>();
    /** The action for each id's active version (or the id's only wait), for dependents' reasons. */
    private final Map<String, Action> primary = new HashMap<>();
    private final List<Action> starts = new ArrayList<>();
    private final Set<String> started = new HashSet<>();
    /** Actions for processes left alone, by id. */
    private final Map<String, List<Action>> others = new HashMap<>();
    private ObservedInstance pending;

    Planning(Config config, Observed observed, Instant at) {
        this.zone = config.zone();
        this.at = at;
        this.facts = new Facts(config, observed, at);
        this.reasons = new Reasons(zone, at, facts);
    }

    Plan run() {
        for (String id : facts.ids()) {
            firstPass(id);
        }
        pending = pendingStart();
        List<String> withActive = new ArrayList<>();
        for (String id : facts.ids()) {
            if (facts.active(id) != null) {
                withActive.add(id);
            }
        }
        for (String id : Order.dependenciesFirst(withActive, facts.index(), i -> facts.active(i).dependsOn())) {
            if (!primary.containsKey(id)) {
                secondPass(id, facts.active(id));
            }
        }
        return new Plan(at, assemble(), nextChange());
    }

    /** Stops of what is not wanted; keep/adopt of live active versions; waits of what is not wanted. */
    private void firstPass(String id) {
        ProcessSpec spec = facts.active(id);
        boolean held = facts.held(id);
        Optional<Windows.Window> window = spec == null ? Optional.empty() : windowOf(spec);
        boolean wanted = spec != null && !held && window.isPresent();
        ObservedInstance activeLive = null;
        if (wanted) {
            for (ObservedInstance live : facts.live(id)) {
                if (live.version().equals(spec.version())) {
                    activeLive = live;
                }
            }
        }
        for (ObservedInstance live : facts.live(id)) {
            if (live == activeLive) {
                primary.put(id, keepOrAdopt(spec, live));
            } else if (wanted && activeLive == null && !replaceFrom.containsKey(id)) {
                replaceFrom.put(id, live);
            } else {
                if (spec != null && live.version().equals(spec.version())) {
                    stoppingActive.add(id);
                }
                stop(id, live, reasons.whyStop(id, spec, held, window.isPresent(), live, nextOpening(spec)));
            }
        }
        if (wanted || primary.containsKey(id)) {
            return;
        }
        Action wait;
        if (held) {
            wait = new Action(ActionKind.WAIT, id, spec == null ? null : spec.version(), null,
                    reasons.held(id), null, null);
        } else if (spec == null) {
            if (!facts.inFile(id)) {
                return;
            }
            ProcessSpec next = facts.nextVersion(id);
            wait = next != null
                    ? new Action(ActionKind.WAIT, id, null, null, reasons.notActiveUntil(next), next.applyInstant(zone), null)
                    : new Action(ActionKind.WAIT, id, null, null, "every version is fake: nothing to run", null, null);
        } else {
            Instant opens = nextOpening(spec);
            wait = new Action(ActionKind.WAIT, id, spec.version(), null, reasons.outsideWindow(spec, opens), opens, null);
        }
        primary.put(id, wait);
        if (!stops.containsKey(id)) {
            // a stop already says why; the wait would repeat it
            others.computeIfAbsent(id, k -> new ArrayList<>()).add(wait);
        }
    }

    private Action keepOrAdopt(ProcessSpec spec, ObservedInstance live) {
        List<String> changed = changedFields(spec, live);
        String reason = reasons.live(live) + reasons.changed(changed);
        ActionKind kind = live.needsAdoption() ? ActionKind.ADOPT : ActionKind.KEEP;
        Action a = new Action(kind, spec.id(), spec.version(), null, reason, null, changed);
        others.computeIfAbsent(spec.id(), k -> new ArrayList<>()).add(a);
        return a;
    }

    /** A wanted id whose active version is not alive: start, replace, keep (done) or wait. */
    private void secondPass(String id, ProcessSpec spec) {
        ObservedInstance rec = facts.observed(id, spec.version());
        ObservedInstance old = replaceFrom.get(id);
        Action self = selfBlock(spec, rec);
        if (self != null) {
            settle(id, old, self, reasons.replacedBy(spec, self.reason()));
            return;
        }
        List<String> after = new ArrayList<>();
        List<String> blocking = new ArrayList<>();
        for (String dep : spec.dependsOn()) {
            if (dependencyUp(dep)) {
                continue;
            }
            if (started.contains(dep)) {
                after.add(dep);
            } else {
                blocking.add(dep);
            }
        }
        if (!blocking.isEmpty()) {
            String why = reasons.waitingFor(blocking, primary, stops, stoppingActive);
            Action wait = new Action(ActionKind.WAIT, id, spec.version(), null, why, null, null);
            settle(id, old, wait, reasons.replacedBy(spec, why));
            return;
        }
        if (pending != null) {
            String why = reasons.oneAtATime(pending, old);
            Action wait = new Action(ActionKind.WAIT, id, spec.version(), null, why, null, null);
            // the old version keeps running until this replace can be done
            primary.put(id, wait);
            others.computeIfAbsent(id, k -> new ArrayList<>()).add(wait);
            return;
        }
        String why = reasons.start(spec, rec, windowOf(spec).orElse(null), after);
        Action a = old == null
                ? new Action(ActionKind.START, id, spec.version(), null, why, null, null)
                : new Action(ActionKind.REPLACE, id, spec.version(), old.version(),
                        reasons.replace(spec, old, after), null, null);
        primary.put(id, a);
        starts.add(a);
        started.add(id);
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
                    return new Action(ActionKind.WAIT, id, spec.version(), null, reasons.failed(rec), null, null);
                }
                return null;
            case BACKOFF:
                if (rec.backoffUntil() != null && rec.backoffUntil().isAfter(at)) {
                    return new Action(ActionKind.WAIT, id, spec.version(), null, reasons.backoff(rec),
                            rec.backoffUntil(), null);
                }
                return null;
            case COMPLETED:
                Instant opening = windowOf(spec).map(Windows.Window::opens).orElse(null);
                if (spec.schedule().isAlways() || (opening != null && opening.equals(rec.completedWindow()))) {
                    return new Action(ActionKind.KEEP, id, spec.version(), null,
                            reasons.completed(spec, rec, nextOpening(spec)), null, null);
                }
                return null;
            case STOPPED:
                Instant open = windowOf(spec).map(Windows.Window::opens).orElse(null);
                if (rec.since() != null && open != null && !rec.since().isBefore(open)) {
                    return new Action(ActionKind.KEEP, id, spec.version(), null,
                            reasons.stopped(spec, rec, nextOpening(spec)), null, null);
                }
                return null;
            default:
                return null;
        }
    }

    /** Records the outcome of a wanted id that does not start now; a live old version is stopped. */
    private void settle(String id, ObservedInstance old, Action outcome, String stopReason) {
        if (old != null) {
            stop(id, old, stopReason);
        }
        primary.put(id, outcome);
        others.computeIfAbsent(id, k -> new ArrayList<>()).add(outcome);
    }

    /** RUNNING in its active version (and not stopped by this plan), or a oneshot COMPLETED in it. */
    private boolean dependencyUp(String dep) {
        ProcessSpec d = facts.active(dep);
        if (d == null || stoppingActive.contains(dep)) {
            return false;
        }
        ObservedInstance rec = facts.observed(dep, d.version());
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
        for (Action a : stops.getOrDefault(rec.id(), List.of())) {
            if (a.version().equals(rec.version())) {
                return true;
            }
        }
        return false;
    }

    /** For stop order: what the stopped versions of {@code id} depend on (the active one's when unknown). */
    private List<String> stopDependsOn(String id) {
        Set<String> deps = new java.util.LinkedHashSet<>();
        for (Action a : stops.getOrDefault(id, List.of())) {
            ProcessSpec e = facts.entry(id, a.version());
            if (e != null) {
                deps.addAll(e.dependsOn());
            }
        }
        if (deps.isEmpty() && facts.active(id) != null) {
            deps.addAll(facts.active(id).dependsOn());
        }
        return new ArrayList<>(deps);
    }

    private void stop(String id, ObservedInstance live, String reason) {
        stops.computeIfAbsent(id, k -> new ArrayList<>())
                .add(new Action(ActionKind.STOP, id, live.version(), null, reason, null, null));
    }

    private List<Action> assemble() {
        List<Action> out = new ArrayList<>();
        List<String> stopIds = new ArrayList<>(stops.keySet());
        for (String id : Order.dependentsFirst(stopIds, facts.index(), this::stopDependsOn)) {
            out.addAll(stops.get(id));
        }
        out.addAll(starts);
        for (String id : facts.ids()) {
            out.addAll(others.getOrDefault(id, List.of()));
        }
        return out;
    }

    /** The earliest instant after {@code at} when the plan could change by itself. */
    private Instant nextChange() {
        Instant next = null;
        for (String id : facts.ids()) {
            ProcessSpec spec = facts.active(id);
            if (spec != null) {
                next = min(next, spec.schedule().isAlways() ? null : Windows.nextEdge(windows(spec.schedule()), at));
            }
            ProcessSpec future = facts.nextVersion(id);
            if (future != null) {
                next = min(next, future.applyInstant(zone));
            }
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

    private List<String> changedFields(ProcessSpec spec, ObservedInstance live) {
        Map<String, String> was = live.fingerprint();
        if (was.isEmpty()) {
            return List.of();
        }
        Map<String, String> now = spec.fingerprint();
        List<String> changed = new ArrayList<>();
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
        if (spec.schedule().isAlways()) {
            return Optional.of(new Windows.Window(spec.applyInstant(zone), null));
        }
        return Windows.containing(windows(spec.schedule()), at);
    }

    private Instant nextOpening(ProcessSpec spec) {
        if (spec == null || spec.schedule().isAlways()) {
            return null;
        }
        return Windows.nextOpening(windows(spec.schedule()), at);
    }

    private List<Windows.Window> windows(Schedule schedule) {
        return windowCache.computeIfAbsent(schedule, s -> Windows.merged(s, zone, at));
    }
}
