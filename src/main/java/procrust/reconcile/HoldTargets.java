package procrust.reconcile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import procrust.config.Config;
import procrust.config.ProcessSpec;

/**
 * Which ids {@code procrust stop|start} acts on: the ids named, every id of the file ({@code --all}),
 * or those of a {@code group}. An id is known when the file has it; {@code start} also knows the ids
 * still held after they left the file (so their hold can be released). One unknown id and nothing
 * is done.
 */
public final class HoldTargets {

    /** The ids to act on, or why there are none. */
    public record Selection(List<String> ids, String error) {
        public Selection {
            ids = ids == null ? List.of() : List.copyOf(ids);
        }

        public boolean ok() {
            return error == null;
        }
    }

    private HoldTargets() {
    }

    /**
     * @param named ids given on the command line (may be empty with {@code all} or {@code group})
     * @param all   every id of the file
     * @param group the ids with an entry of this {@code group}, or null
     * @param holds the ids held now (state file)
     */
    public static Selection select(Holds.Op op, Config config, List<String> named, boolean all, String group,
                                   Set<String> holds) {
        Set<String> out = new LinkedHashSet<>();
        if (all) {
            out.addAll(config.ids());
            if (op == Holds.Op.START) {
                out.addAll(holds);
            }
        }
        if (group != null) {
            Set<String> inGroup = new LinkedHashSet<>();
            for (ProcessSpec p : config.processes()) {
                if (group.equals(p.label())) {
                    inGroup.add(p.id());
                }
            }
            if (inGroup.isEmpty()) {
                return new Selection(null, "no process of " + config.file() + " has label \"" + group + "\""
                        + groupsHint(config));
            }
            out.addAll(inGroup);
        }
        List<String> unknown = new ArrayList<>();
        for (String id : named) {
            boolean known = config.ids().contains(id) || (op == Holds.Op.START && holds.contains(id));
            if (!known) {
                unknown.add("\"" + id + "\"");
            }
            out.add(id);
        }
        if (!unknown.isEmpty()) {
            return new Selection(null, "unknown process id" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                    + ": not in " + config.file() + (op == Holds.Op.START ? " nor held" : "")
                    + " (ids: " + String.join(", ", config.ids()) + "); nothing was done");
        }
        if (out.isEmpty()) {
            return new Selection(null, "no process to " + op.verb() + ": name ids, or use --all or --label");
        }
        return new Selection(new ArrayList<>(out), null);
    }

    private static String groupsHint(Config config) {
        Set<String> groups = new LinkedHashSet<>();
        for (ProcessSpec p : config.processes()) {
            if (p.label() != null) {
                groups.add(p.label());
            }
        }
        return groups.isEmpty() ? " (the file sets no label)" : " (labels: " + String.join(", ", groups) + ")";
    }

    /**
     * How long a command waits for its request to be carried out: for stops, each id's longest
     * {@code stop_timeout} plus the SIGKILL grace; for starts, each id's longest health-check
     * timeout plus its min uptime; for restarts both; and 30 s for apply to get to it (it may be in
     * the middle of a stop of its own).
     */
    public static Duration limit(Holds.Op op, Config config, List<String> ids) {
        Duration total = Duration.ofSeconds(30);
        for (String id : ids) {
            Duration longest = Duration.ZERO;
            for (ProcessSpec p : config.versionsOf(id)) {
                Duration stop = p.stopTimeout().plus(StopOp.KILL_GRACE);
                Duration start = (p.healthCheck() == null ? Duration.ZERO : p.healthCheck().timeout())
                        .plus(ExitRules.MIN_UPTIME);
                Duration d = op == Holds.Op.STOP ? stop : op == Holds.Op.START ? start : stop.plus(start);
                longest = d.compareTo(longest) > 0 ? d : longest;
            }
            total = total.plus(Objects.requireNonNullElse(longest, Duration.ZERO));
        }
        return total;
    }
}
