package procrust.tui;

import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import procrust.config.HealthCheck;
import procrust.config.Liveness;
import procrust.config.ProcessSpec;
import procrust.plan.Windows;

/**
 * The selected process in full (state, pid, uptime, restarts, type, group, command, schedule,
 * dependencies, health check, note, log file) above the last lines of its log. Pure.
 */
final class DetailScreen {

    private static final int LABEL = 11;

    private DetailScreen() {
    }

    static List<AttributedString> render(Frame f, Palette p, int width, int height) {
        ViewModel vm = f.vm();
        ViewRow r = vm.selected(f.ui().selected());
        List<AttributedString> out = new ArrayList<>();
        if (r == null) {
            out.add(Chrome.title(f, "(no process selected)", p, width));
            return LogScreen.finish(out, f, p, width, height);
        }
        out.add(Chrome.title(f, r.id() + " @ " + r.version(), p, width));
        AttributedStringBuilder st = new AttributedStringBuilder();
        st.styled(p.tone(r.tone()), r.state().name());
        if (r.pid() != null) {
            st.append("  pid " + r.pid() + ", up " + Formats.uptime(r.startedAt(), vm.snapshot().at()));
        }
        st.append("  " + r.restarts() + (r.restarts() == 1 ? " restart" : " restarts"));
        out.add(field("state", st.toAttributedString(), p, width));
        ProcessSpec e = vm.entryOf(r);
        out.add(field("type", new AttributedString(r.type() + (r.label() == null ? "" : "   label " + r.label())), p, width));
        if (e == null) {
            out.add(field("file", new AttributedString("this version is no longer in the file"), p, width));
        } else {
            wrapped(out, "command", e.command(), p, width, 2);
            out.add(field("schedule", new AttributedString(Windows.describe(e.schedule())), p, width));
            out.add(field("depends on", new AttributedString(e.dependsOn().isEmpty() ? "-" : String.join(", ", e.dependsOn())), p, width));
            HealthCheck h = e.healthCheck();
            out.add(field("health", new AttributedString(h == null ? "- (running as soon as spawned)"
                    : h.probe().describe() + "  (timeout " + Formats.setting(h.timeout()) + ", every "
                    + Formats.setting(h.interval()) + ")"), p, width));
            Liveness l = e.liveness();
            out.add(field("liveness", new AttributedString(l == null ? "-"
                    : l.probe().describe() + "  (every " + Formats.setting(l.interval()) + ", timeout "
                    + Formats.setting(l.timeout()) + ", restart after " + l.failures() + " failures)"), p, width));
        }
        if (r.note() != null) {
            wrapped(out, "note", r.note(), p, width, 3);
        }
        out.add(field("log", new AttributedString(f.logFile() == null ? "-" : f.logFile().toString()), p, width));
        out.add(Cells.cut(new AttributedString("-- last lines of the log " + "-".repeat(Math.max(0, width)), p.dim()), width));
        int room = height - out.size() - 2;
        List<String> log = f.logLines();
        if (log.isEmpty() && room > 0) {
            out.add(new AttributedString("(the log is empty or does not exist yet)", p.dim()));
        }
        for (String l : log.subList(Math.max(0, log.size() - Math.max(0, room)), log.size())) {
            out.add(Cells.cut(new AttributedString(Formats.printable(l)), width));
        }
        return LogScreen.finish(out, f, p, width, height);
    }

    private static AttributedString field(String label, AttributedString value, Palette p, int width) {
        AttributedStringBuilder b = new AttributedStringBuilder().append("  ");
        b.append(Cells.cell(label, LABEL, p.dim())).append(value);
        return Cells.cut(b.toAttributedString(), width);
    }

    private static void wrapped(List<AttributedString> out, String label, String text, Palette p, int width, int max) {
        List<String> parts = Cells.wrap(Formats.printable(text), Math.max(1, width - LABEL - 2), max);
        for (int i = 0; i < parts.size(); i++) {
            out.add(field(i == 0 ? label : "", new AttributedString(parts.get(i)), p, width));
        }
    }
}
