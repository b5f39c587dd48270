package procrust.tui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import procrust.plan.Upcoming;

/**
 * The main view: three header lines (file and clock, uid and apply, counts), the process table with
 * the selected row in reverse video, the next changes, then the message and key lines. Columns take
 * the width their contents need; when the terminal is narrow the version, then the id and group are
 * cut (with an ellipsis) before the note loses its place. Pure.
 */
final class ListScreen {

    static final String[] HEADINGS = {"ID", "GROUP", "VERSION", "STATE", "PID", "UPTIME", "RST", "NOTE"};
    private static final int ID = 0;
    private static final int GROUP = 1;
    private static final int VERSION = 2;
    private static final int NOTE = 7;
    private static final int MAX_UPCOMING = 3;

    private ListScreen() {
    }

    static List<AttributedString> render(Frame f, Palette p, int width, int height) {
        ViewModel vm = f.vm();
        List<AttributedString> out = new ArrayList<>();
        out.add(Chrome.title(f, vm.snapshot().file().toString(), p, width));
        out.add(Chrome.apply(f, p, width));
        out.add(Chrome.counts(vm, p, width));
        List<AttributedString> next = upcoming(f, p, width, height);
        int tableRows = Math.max(1, height - out.size() - 1 - next.size() - 2);
        List<String[]> cells = new ArrayList<>();
        for (ViewRow r : vm.rows()) {
            cells.add(cells(r, f));
        }
        int[] w = widths(cells, width, vm.all().stream().anyMatch(r -> r.group() != null));
        out.add(line(HEADINGS, w, p.bold(), null, p, width));
        int sel = vm.indexOf(f.ui().selected());
        int top = top(sel, vm.rows().size(), tableRows);
        for (int i = top; i < Math.min(vm.rows().size(), top + tableRows); i++) {
            ViewRow r = vm.rows().get(i);
            AttributedString l = line(cells.get(i), w, p.plain(), r.tone(), p, width);
            if (i == sel) {
                l = Cells.fill(inverse(l), width, p.selected(p.plain()));
            }
            out.add(l);
        }
        if (vm.rows().isEmpty()) {
            out.add(new AttributedString(vm.all().isEmpty() ? "  (no processes)" : "  (no process matches the filter)", p.dim()));
        }
        while (out.size() < height - next.size() - 2) {
            out.add(AttributedString.EMPTY);
        }
        out.addAll(next);
        out.add(Chrome.message(f, p, width));
        out.add(Chrome.keys(f.ui().view(), p, width));
        return out.size() <= height ? out : trim(out, height);
    }

    /** When the screen is shorter than the chrome: keep the top lines and the key line. */
    private static List<AttributedString> trim(List<AttributedString> lines, int height) {
        List<AttributedString> out = new ArrayList<>(lines.subList(0, Math.max(0, height - 1)));
        out.add(lines.get(lines.size() - 1));
        return out;
    }

    /** The first shown row: the selection stays in view, near the middle when the table scrolls. */
    static int top(int sel, int n, int rows) {
        if (n <= rows || sel < 0) {
            return 0;
        }
        return Math.max(0, Math.min(sel - rows / 2, n - rows));
    }

    private static String[] cells(ViewRow r, Frame f) {
        return new String[] {r.id(), r.group() == null ? "-" : r.group(), r.version(), r.state().name(),
                r.pid() == null ? "-" : r.pid().toString(), Formats.uptime(r.startedAt(), f.vm().snapshot().at()),
                Integer.toString(r.restarts()), r.note() == null ? "" : r.note()};
    }

    /**
     * Column widths: each column's widest cell; the group column only when some process has a group;
     * when the total passes the width, the version shrinks to 10, the id to 8 and the group to 5 so the
     * note keeps at least 12 columns; the note takes what is left (0: not shown).
     */
    static int[] widths(List<String[]> rows, int width, boolean groups) {
        int[] w = new int[HEADINGS.length];
        for (int c = 0; c < w.length; c++) {
            w[c] = HEADINGS[c].length();
            for (String[] r : rows) {
                w[c] = Math.max(w[c], new AttributedString(Formats.printable(r[c])).columnLength());
            }
        }
        if (!groups) {
            w[GROUP] = 0;
        }
        int[][] shrink = {{VERSION, 10}, {ID, 8}, {GROUP, 5}}; // column, narrowest
        for (int[] sh : shrink) {
            int c = sh[0];
            int over = fixed(w) + 12 - width;
            if (over > 0 && w[c] > sh[1]) {
                w[c] = Math.max(sh[1], w[c] - over);
            }
        }
        w[NOTE] = Math.max(0, width - fixed(w));
        if (w[NOTE] < 4) {
            w[NOTE] = 0;
        }
        return w;
    }

    /** Columns used by everything but the note: the 2-column marker and 2 columns between cells. */
    private static int fixed(int[] w) {
        int sum = 2;
        for (int c = 0; c < NOTE; c++) {
            if (w[c] > 0) {
                sum += w[c] + 2;
            }
        }
        return sum;
    }

    private static AttributedString line(String[] cells, int[] w, AttributedStyle base, Tone tone, Palette p, int width) {
        AttributedStringBuilder b = new AttributedStringBuilder();
        b.style(base).append("  ");
        for (int c = 0; c < cells.length; c++) {
            if (w[c] == 0) {
                continue;
            }
            AttributedStyle st = tone != null && c == 3 ? p.tone(tone) : base;
            b.append(Cells.cell(Formats.printable(cells[c]), w[c], st));
            if (c < NOTE) {
                b.style(base).append("  ");
            }
        }
        return Cells.cut(b.toAttributedString(), width);
    }

    /** The selected row: a {@code >} marker and every cell in reverse video, colours kept. */
    private static AttributedString inverse(AttributedString l) {
        AttributedStringBuilder b = new AttributedStringBuilder();
        for (int i = 0; i < l.length(); i++) {
            b.style(l.styleAt(i).inverse()).append(i == 0 ? '>' : l.charAt(i));
        }
        return b.toAttributedString();
    }

    /** "Next changes": up to three coming edges and versions with their times; one line when there are none. */
    private static List<AttributedString> upcoming(Frame f, Palette p, int width, int height) {
        List<AttributedString> out = new ArrayList<>();
        if (height < 12) {
            return out;
        }
        List<Upcoming.Event> events = f.vm().upcoming();
        if (events.isEmpty()) {
            out.add(Cells.cut(new AttributedString("next changes: none (no schedule window or later version ahead)", p.dim()), width));
            return out;
        }
        out.add(new AttributedString("next changes", p.bold()));
        Snapshot s = f.vm().snapshot();
        List<Upcoming.Event> shown = events.subList(0, Math.min(MAX_UPCOMING, events.size()));
        List<String[]> cells = new ArrayList<>();
        int[] w = new int[3];
        for (Upcoming.Event e : shown) {
            String[] c = {Formats.when(e.at(), s.at(), s.config().zone()),
                    "in " + Formats.duration(Duration.between(s.at(), e.at())), Formats.printable(e.id())};
            cells.add(c);
            for (int i = 0; i < 3; i++) {
                w[i] = Math.max(w[i], c[i].length());
            }
        }
        w[2] = Math.min(w[2], 16);
        for (int i = 0; i < shown.size(); i++) {
            String[] c = cells.get(i);
            AttributedStringBuilder b = new AttributedStringBuilder().append("  ");
            b.append(Cells.cell(c[0], w[0], p.plain())).append("  ");
            b.append(Cells.cell(c[1], w[1], p.dim())).append("  ");
            b.append(Cells.cell(c[2], w[2], p.plain())).append("  ").append(Formats.printable(shown.get(i).what()));
            out.add(Cells.cut(b.toAttributedString(), width));
        }
        if (events.size() > shown.size()) {
            out.set(0, new AttributedStringBuilder().styled(p.bold(), "next changes")
                    .styled(p.dim(), "  (" + (events.size() - shown.size()) + " more later)").toAttributedString());
        }
        return out;
    }
}
