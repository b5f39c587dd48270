package procrust.reconcile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import procrust.config.Config;
import procrust.config.Liveness;
import procrust.config.ProcessSpec;
import procrust.plan.Action;
import procrust.plan.ActionKind;
import procrust.plan.InstanceState;
import procrust.plan.Plan;
import procrust.plan.Times;
import procrust.plan.Upcoming;
import procrust.state.HealthRecord;
import procrust.state.InstanceRecord;
import procrust.state.StateFile;

/**
 * Builds a {@link StatusReport} from the file, the verified state and the plan at {@code now}: rows
 * for every record, then for every process of the file the plan mentions without a record (waiting,
 * ready to start, held). Read-only.
 */
public final class StatusBuilder {

    /** States in which a wanted process is not where it should be. */
    private static final Set<InstanceState> NOT_OK = EnumSet.of(InstanceState.BACKOFF, InstanceState.FAILED,
            InstanceState.PENDING_HEALTH_CHECK, InstanceState.STOPPING, InstanceState.READY_TO_START,
            InstanceState.SCHEDULED_STOP);

    private StatusBuilder() {
    }

    public static StatusReport build(Config config, StateFile verified, Long applyPid, String stateProblem,
                                     PlanFunction planner, Instant now) {
        Set<Key> unsupervised = applyPid == null ? ObservedReader.liveKeys(verified) : Set.of();
        Plan plan = planner.plan(config, ObservedReader.toObserved(verified, unsupervised), now);
        Map<Key, Action> byKey = new HashMap<>();
        for (Action a : plan.actions()) {
            if (a.version() != null) {
                byKey.putIfAbsent(new Key(a.id(), a.kind() == ActionKind.REPLACE ? a.oldVersion() : a.version()), a);
            }
        }
        Map<String, Integer> order = new LinkedHashMap<>();
        for (String id : config.ids()) {
            order.put(id, order.size());
        }
        List<StatusReport.Row> rows = new ArrayList<>();
        java.util.Set<Key> seen = new java.util.HashSet<>();
        for (InstanceRecord r : verified.instances()) {
            Key k = new Key(r.id(), r.version());
            seen.add(k);
            order.putIfAbsent(r.id(), order.size());
            rows.add(recordRow(r, byKey.get(k), unsupervised.contains(k), verified.holds().contains(r.id()),
                    Entries.entry(config, k), now));
        }
        for (Action a : plan.actions()) {
            Key k = new Key(a.id(), a.version() == null ? "-" : a.version());
            if (a.kind() == ActionKind.STOP || !seen.add(k)) {
                continue; // stops concern records, shown above
            }
            ProcessSpec spec = a.version() == null ? null : Entries.entry(config, k);
            String type = spec == null ? "-" : spec.type().wire();
            InstanceState st = a.kind() == ActionKind.START || a.kind() == ActionKind.REPLACE
                    ? InstanceState.READY_TO_START
                    : verified.holds().contains(a.id()) ? InstanceState.HELD : InstanceState.WAITING;
            rows.add(new StatusReport.Row(a.id(), k.version(), type, st, null, null, 0, a.reason()));
        }
        rows = withNextChanges(rows, config, now);
        rows.sort(Comparator.comparing((StatusReport.Row r) -> order.getOrDefault(r.id(), Integer.MAX_VALUE))
                .thenComparing(StatusReport.Row::version));
        boolean ok = !plan.hasChanges() && stateProblem == null
                && rows.stream().noneMatch(r -> NOT_OK.contains(r.state()));
        return new StatusReport(config.uid(), applyPid, rows, stateProblem, ok, now);
    }

    /**
     * The report of the state alone, for a file that cannot be read (an edit broke it): one row per
     * record, as recorded and verified against /proc, without a plan (there is no file to plan
     * from). Never ok: the file must be fixed.
     */
    public static StatusReport fromState(StateFile verified, Long applyPid, String stateProblem, Instant now) {
        Set<Key> unsupervised = applyPid == null ? ObservedReader.liveKeys(verified) : Set.of();
        List<StatusReport.Row> rows = new ArrayList<>();
        for (InstanceRecord r : verified.instances()) {
            Key k = new Key(r.id(), r.version());
            rows.add(recordRow(r, null, unsupervised.contains(k), verified.holds().contains(r.id()), null, now));
        }
        return new StatusReport(verified.uid(), applyPid, rows, stateProblem, false, now);
    }

    /**
     * Each row with the next change of its id ({@link Upcoming}: window edge or version switch), also
     * said at the end of its note ("next: window closes at ...") unless the note already names that
     * instant (a process waiting for its window says when it opens).
     */
    static List<StatusReport.Row> withNextChanges(List<StatusReport.Row> rows, Config config, Instant now) {
        Map<String, Upcoming.Event> first = new HashMap<>();
        for (Upcoming.Event e : Upcoming.of(config, now)) {
            first.putIfAbsent(e.id(), e);
        }
        List<StatusReport.Row> out = new ArrayList<>(rows.size());
        for (StatusReport.Row r : rows) {
            Upcoming.Event e = first.get(r.id());
            String note = r.note();
            if (e != null) {
                String at = Times.format(e.at(), config.zone());
                if (note == null || !note.contains(at)) {
                    note = (note == null ? "" : note + "; ") + "next: " + e.what() + " at " + at;
                }
            }
            out.add(new StatusReport.Row(r.id(), r.version(), r.type(), r.state(), r.pid(), r.startedAt(), r.restarts(),
                    note, e, r.health()));
        }
        return out;
    }

    /**
     * The report narrowed to some ids (status --label): their rows only, and "ok" judged on them
     * (every row in its wanted state; a state-file problem still counts).
     */
    public static StatusReport restrict(StatusReport r, Set<String> ids) {
        List<StatusReport.Row> rows = r.rows().stream().filter(row -> ids.contains(row.id())).toList();
        boolean ok = r.stateProblem() == null && rows.stream().noneMatch(row -> NOT_OK.contains(row.state()));
        return new StatusReport(r.uid(), r.applyPid(), rows, r.stateProblem(), ok, r.at());
    }

    private static StatusReport.Row recordRow(InstanceRecord r, Action a, boolean unsupervised, boolean held,
                                              ProcessSpec spec, Instant now) {
        boolean live = r.claimsLive();
        InstanceState st = r.state();
        List<String> notes = new ArrayList<>();
        if (a != null && (a.kind() == ActionKind.STOP || a.kind() == ActionKind.REPLACE) && live
                && st == InstanceState.RUNNING) {
            st = InstanceState.SCHEDULED_STOP;
            notes.add("to stop: " + a.reason());
        }
        if (held && !live && (st == InstanceState.STOPPED || st == InstanceState.BACKOFF
                || st == InstanceState.FAILED)) {
            st = InstanceState.HELD;
        }
        boolean backoffOver = st == InstanceState.BACKOFF && a != null
                && (r.backoffUntil() == null || !r.backoffUntil().isAfter(now));
        if (backoffOver) {
            // the back-off is over: what happens now is the plan's (a start, or a wait for a dependency)
            if (a.kind() == ActionKind.START || a.kind() == ActionKind.REPLACE) {
                st = InstanceState.READY_TO_START;
            } else if (a.kind() == ActionKind.WAIT) {
                st = InstanceState.WAITING;
                notes.add(a.reason());
            }
        }
        if (a != null && !a.changedFields().isEmpty()) {
            notes.add(String.join(", ", a.changedFields()) + " changed since start: not restarted (takes effect at the next start)");
        }
        if (r.note() != null) {
            notes.add(backoffOver && st != InstanceState.BACKOFF ? "last failure: " + r.note() : r.note());
        }
        if (a != null && a.kind() == ActionKind.WAIT && !live && notes.isEmpty()) {
            notes.add(a.reason());
        }
        Liveness liveness = spec == null ? null : spec.liveness();
        HealthRecord health = liveness == null ? null : r.health() == null ? HealthRecord.NONE : r.health();
        if (health != null && live && health.failures() > 0) {
            notes.add("health check failing: " + health.failures() + " of " + liveness.failures() + " ("
                    + health.lastError() + ")");
        }
        if (unsupervised) {
            notes.add("no apply running: not supervised");
        }
        return new StatusReport.Row(r.id(), r.version(), r.type() == null ? "-" : r.type(), st,
                live ? r.pid() : null, live ? r.startedAt() : null, r.restarts(),
                notes.isEmpty() ? null : String.join("; ", notes), null, health);
    }
}
