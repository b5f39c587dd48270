package procrust.tui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import procrust.config.ProcessSpec;
import procrust.plan.InstanceState;
import procrust.plan.Upcoming;
import procrust.reconcile.StatusReport;

/**
 * The table the screen draws, from one {@link Snapshot} and the filter: every instance as a
 * {@link ViewRow}, in file order (the order of each id's first entry; ids known only from the state,
 * such as removed ones, after them), versions in order within an id; the rows the filter keeps; and the
 * count of every state over all rows (the filter narrows the table, never the counts). Pure.
 */
public final class ViewModel {

    private final Snapshot snapshot;
    private final String filter;
    private final List<ViewRow> all;
    private final List<ViewRow> rows;
    private final Map<InstanceState, Integer> counts;
    private final List<Upcoming.Event> upcoming;

    private ViewModel(Snapshot snapshot, String filter) {
        this.snapshot = snapshot;
        this.filter = filter == null ? "" : filter.trim();
        this.all = build(snapshot);
        List<ViewRow> kept = new ArrayList<>();
        for (ViewRow r : all) {
            if (matches(r, this.filter)) {
                kept.add(r);
            }
        }
        this.rows = List.copyOf(kept);
        Map<InstanceState, Integer> c = new EnumMap<>(InstanceState.class);
        for (ViewRow r : all) {
            c.merge(r.state(), 1, Integer::sum);
        }
        this.counts = java.util.Collections.unmodifiableMap(c);
        this.upcoming = Upcoming.of(snapshot.config(), snapshot.at());
    }

    public static ViewModel of(Snapshot snapshot, String filter) {
        return new ViewModel(snapshot, filter);
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    public String filter() {
        return filter;
    }

    /** Every instance, in display order. */
    public List<ViewRow> all() {
        return all;
    }

    /** The instances the filter keeps, in display order. */
    public List<ViewRow> rows() {
        return rows;
    }

    /** How many instances are in each state (only states that occur), in the states' declared order. */
    public Map<InstanceState, Integer> counts() {
        return counts;
    }

    /** The coming window edges and version changes, soonest first. */
    public List<Upcoming.Event> upcoming() {
        return upcoming;
    }

    /** The index in {@link #rows()} of the row with this key; the first row when it is not shown; -1 when none is. */
    public int indexOf(String key) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).key().equals(key)) {
                return i;
            }
        }
        return rows.isEmpty() ? -1 : 0;
    }

    /** The selected row (see {@link #indexOf}), or null when no row is shown. */
    public ViewRow selected(String key) {
        int i = indexOf(key);
        return i < 0 ? null : rows.get(i);
    }

    /** The file's entry of a row's instance (fake ones too), or null when the file no longer has it. */
    public ProcessSpec entryOf(ViewRow row) {
        for (ProcessSpec p : snapshot.config().processes()) {
            if (p.id().equals(row.id()) && p.version().equals(row.version())) {
                return p;
            }
        }
        return null;
    }

    /**
     * True when the row's id, group or state contains the filter, ignoring case ({@code held},
     * {@code web}, {@code back} for BACKOFF). An empty filter keeps every row.
     */
    static boolean matches(ViewRow r, String filter) {
        if (filter.isEmpty()) {
            return true;
        }
        String f = filter.toLowerCase(Locale.ROOT);
        return r.id().toLowerCase(Locale.ROOT).contains(f)
                || (r.group() != null && r.group().toLowerCase(Locale.ROOT).contains(f))
                || r.state().name().toLowerCase(Locale.ROOT).contains(f);
    }

    private static List<ViewRow> build(Snapshot s) {
        Map<String, Integer> order = new HashMap<>();
        Map<String, ProcessSpec> entries = new HashMap<>();
        Map<String, String> idGroups = new HashMap<>();
        for (ProcessSpec p : s.config().processes()) {
            order.putIfAbsent(p.id(), order.size());
            entries.put(p.id() + "@" + p.version(), p);
            if (p.group() != null) {
                idGroups.putIfAbsent(p.id(), p.group());
            }
        }
        List<ViewRow> out = new ArrayList<>();
        for (StatusReport.Row r : s.report().rows()) {
            // the group of this version's entry; a version no longer in the file takes its id's group
            ProcessSpec e = entries.get(r.id() + "@" + r.version());
            String group = e != null ? e.group() : idGroups.get(r.id());
            out.add(new ViewRow(r.id(), group, r.version(), r.type(), r.state(), r.pid(), r.startedAt(),
                    r.restarts(), r.note()));
        }
        out.sort(Comparator.comparingInt((ViewRow r) -> order.getOrDefault(r.id(), Integer.MAX_VALUE))
                .thenComparing(ViewRow::id)
                .thenComparing(ViewRow::version));
        return List.copyOf(out);
    }
}
