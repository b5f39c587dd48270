package procrust.cli;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import procrust.plan.Action;
import procrust.plan.ActionKind;
import procrust.plan.Plan;
import procrust.plan.Upcoming;
import procrust.plan.Times;

/**
 * The text view of a plan, read like a change preview: the changes in the order apply performs them,
 * one line each with a symbol, id, version and reason, then the processes left alone, then a summary.
 */
final class PlanText {

    private static final String RESET = "\u001b[0m";

    private PlanText() {
    }

    static String render(Plan plan, String file, ZoneId zone, boolean color) {
        return render(plan, List.of(), file, zone, color);
    }

    /** With {@code upcoming}: the change the file has in store for each id (window edges, versions). */
    static String render(Plan plan, List<Upcoming.Event> upcoming, String file, ZoneId zone, boolean color) {
        StringBuilder sb = new StringBuilder();
        sb.append("Plan for ").append(file).append(" at ").append(Times.format(plan.at(), zone))
                .append(" (").append(zone.getId()).append(")\n");
        List<Action> changes = new ArrayList<>();
        List<Action> alone = new ArrayList<>();
        for (Action a : plan.actions()) {
            (a.isChange() ? changes : alone).add(a);
        }
        int idWidth = 0;
        int versionWidth = 0;
        for (Action a : plan.actions()) {
            idWidth = Math.max(idWidth, a.id().length());
            versionWidth = Math.max(versionWidth, version(a).length());
        }
        List<Action> operator = plan.needingOperator();
        if (changes.isEmpty() && operator.isEmpty()) {
            sb.append("\nNo changes: the host already matches the file.\n");
        } else if (changes.isEmpty()) {
            sb.append("\nNo changes apply would make by itself; ").append(operator.size())
                    .append(operator.size() == 1 ? " process needs" : " processes need").append(" an operator.\n");
        } else {
            sb.append("\nChanges, in the order apply performs them (one at a time):\n");
            for (Action a : changes) {
                line(sb, a, idWidth, versionWidth, color);
            }
        }
        if (!alone.isEmpty()) {
            sb.append("\nLeft alone:\n");
            for (Action a : alone) {
                line(sb, a, idWidth, versionWidth, color);
            }
        }
        if (!operator.isEmpty()) {
            StringBuilder names = new StringBuilder();
            for (Action a : operator) {
                names.append(names.length() == 0 ? "" : ", ").append(a.id())
                        .append(a.reason().startsWith("FAILED") ? " (FAILED)" : " (held)");
            }
            sb.append("\nNeeds an operator: ").append(names).append(" (each line above says what to do).\n");
        }
        if (!upcoming.isEmpty()) {
            sb.append("\nComing without any edit:\n");
            for (Upcoming.Event e : upcoming) {
                sb.append("  ").append(Times.format(e.at(), zone)).append("  ").append(pad(e.id(), idWidth))
                        .append("  ").append(e.what()).append('\n');
            }
        }
        PlanSummary s = PlanSummary.of(plan);
        sb.append('\n').append(s.start()).append(" to start, ").append(s.stop()).append(" to stop, ")
                .append(s.replace()).append(" to replace, ").append(s.unchanged()).append(" unchanged.\n");
        if (plan.nextChange() != null) {
            sb.append("Next change without any edit: ").append(Times.format(plan.nextChange(), zone)).append(".\n");
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, Action a, int idWidth, int versionWidth, boolean color) {
        String symbol = symbol(a.kind());
        String head = String.format("%3s %-7s", symbol, a.kind().wire());
        if (color && colour(a.kind()) != null) {
            head = colour(a.kind()) + head + RESET;
        }
        sb.append(head).append(' ').append(pad(a.id(), idWidth)).append("  ").append(pad(version(a), versionWidth))
                .append("  ").append(a.reason()).append('\n');
    }

    private static String version(Action a) {
        String v = a.version() == null ? "-" : a.version();
        return a.oldVersion() == null ? v : a.oldVersion() + " -> " + v;
    }

    private static String pad(String s, int width) {
        StringBuilder sb = new StringBuilder(s);
        while (sb.length() < width) {
            sb.append(' ');
        }
        return sb.toString();
    }

    static String symbol(ActionKind kind) {
        switch (kind) {
            case START:
                return "+";
            case STOP:
                return "-";
            case REPLACE:
                return "-/+";
            case KEEP:
                return "=";
            case ADOPT:
                return "<";
            default:
                return ".";
        }
    }

    private static String colour(ActionKind kind) {
        switch (kind) {
            case START:
                return "\u001b[32m";
            case STOP:
                return "\u001b[31m";
            case REPLACE:
                return "\u001b[33m";
            case WAIT:
                return "\u001b[2m";
            default:
                return null;
        }
    }
}
