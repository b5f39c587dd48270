package procrust.tui;

import java.util.List;
import org.jline.utils.AttributedString;

/**
 * The screen for a frame: exactly {@code height} lines of at most {@code width} columns, styled with
 * the palette. Pure: tests read the text and the styles without a terminal.
 */
public final class Screens {

    private Screens() {
    }

    public static List<AttributedString> render(Frame f, Palette p, int width, int height) {
        int w = Math.max(1, width);
        int h = Math.max(1, height);
        if (f.ui().help()) {
            return HelpScreen.render(f, p, w, h);
        }
        return switch (f.ui().view()) {
            case LIST -> ListScreen.render(f, p, w, h);
            case DETAIL -> DetailScreen.render(f, p, w, h);
            case LOG -> LogScreen.render(f, p, w, h);
        };
    }
}
