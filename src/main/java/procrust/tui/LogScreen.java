package procrust.tui;

import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;

/** The selected process's log, its newest lines at the bottom, redrawn as it grows (like tail -f). Pure. */
final class LogScreen {

    private LogScreen() {
    }

    static List<AttributedString> render(Frame f, Palette p, int width, int height) {
        ViewRow r = f.vm().selected(f.ui().selected());
        List<AttributedString> out = new ArrayList<>();
        out.add(Chrome.title(f, r == null ? "(no process selected)"
                : "log of " + r.id() + "  " + (f.logFile() == null ? "" : f.logFile().toString()), p, width));
        int room = height - 3;
        List<String> log = f.logLines();
        if (log.isEmpty()) {
            out.add(new AttributedString("(the log is empty or does not exist yet; following)", p.dim()));
        }
        for (String l : log.subList(Math.max(0, log.size() - Math.max(0, room)), log.size())) {
            out.add(Cells.cut(new AttributedString(Formats.printable(l)), width));
        }
        return finish(out, f, p, width, height);
    }

    /** Pads with empty lines and ends with the message and key lines; cuts what does not fit. */
    static List<AttributedString> finish(List<AttributedString> body, Frame f, Palette p, int width, int height) {
        List<AttributedString> out = new ArrayList<>(body.subList(0, Math.min(body.size(), Math.max(0, height - 2))));
        while (out.size() < height - 2) {
            out.add(AttributedString.EMPTY);
        }
        if (height >= 2) {
            out.add(Chrome.message(f, p, width));
        }
        if (height >= 1) {
            out.add(Chrome.keys(f.ui().view(), p, width));
        }
        return out;
    }
}
