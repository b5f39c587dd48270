package procrust.tui;

import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import procrust.plan.InstanceState;

/** The keys and what the colours mean (docs/tui.md says the same). Pure. */
final class HelpScreen {

    static final String[][] KEYS = {
            {"up/down j/k", "move the selection (pgup/pgdn, home/end g/G)"},
            {"enter", "details of the selected process and the tail of its log"},
            {"l", "follow the selected process's log (esc returns)"},
            {"s", "stop the selected process and hold it stopped (asks y/n)"},
            {"S", "release its hold: it starts when the file wants it (asks y/n)"},
            {"/", "filter by id, label or state; esc clears the filter"},
            {"esc", "back to the list"},
            {"?", "this help; any key closes it"},
            {"q, ctrl-c", "quit (changes nothing)"},
    };

    private HelpScreen() {
    }

    static List<AttributedString> render(Frame f, Palette p, int width, int height) {
        List<AttributedString> out = new ArrayList<>();
        out.add(Chrome.title(f, "help", p, width));
        out.add(AttributedString.EMPTY);
        for (String[] k : KEYS) {
            AttributedStringBuilder b = new AttributedStringBuilder().append("  ");
            b.append(Cells.cell(k[0], 13, p.bold())).append(k[1]);
            out.add(Cells.cut(b.toAttributedString(), width));
        }
        out.add(AttributedString.EMPTY);
        out.add(Cells.cut(new AttributedString("  Colours: green where wanted, yellow on the way, red failing, magenta held.", p.plain()), width));
        StringBuilder legend = new StringBuilder();
        for (InstanceState s : InstanceState.values()) {
            legend.append(legend.length() == 0 ? "" : " ").append(s.name());
        }
        for (String part : Cells.wrap(legend.toString(), Math.max(1, width - 2), 3)) {
            out.add(Cells.cut(new AttributedStringBuilder().append("  ").append(colourStates(part, p))
                    .toAttributedString(), width));
        }
        out.add(Cells.cut(new AttributedString("  Refreshes each second and after an action; only s/S then y change anything.", p.dim()), width));
        return LogScreen.finish(out, f, p, width, height);
    }

    /** Re-applies each state's tone to a wrapped legend line. */
    private static AttributedString colourStates(String line, Palette p) {
        AttributedStringBuilder b = new AttributedStringBuilder();
        for (String word : line.split(" ", -1)) {
            if (b.length() > 0) {
                b.append(' ');
            }
            InstanceState s = stateOf(word);
            b.styled(s == null ? p.plain() : p.tone(Tone.of(s)), word);
        }
        return b.toAttributedString();
    }

    private static InstanceState stateOf(String word) {
        for (InstanceState s : InstanceState.values()) {
            if (s.name().equals(word)) {
                return s;
            }
        }
        return null;
    }
}
