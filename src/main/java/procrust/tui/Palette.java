package procrust.tui;

import org.jline.utils.AttributedStyle;

/**
 * Styles of the screen. With colour, a tone is a foreground colour (GOOD green, BUSY yellow, BAD red,
 * HELD magenta, IDLE the terminal's default); without (--no-color, NO_COLOR), BAD and HELD are bold
 * and the rest plain. The selected row is reverse video either way.
 */
public final class Palette {

    private final boolean colour;

    public Palette(boolean colour) {
        this.colour = colour;
    }

    public boolean colour() {
        return colour;
    }

    public AttributedStyle tone(Tone t) {
        AttributedStyle s = AttributedStyle.DEFAULT;
        if (!colour) {
            return t == Tone.BAD || t == Tone.HELD ? s.bold() : s;
        }
        return switch (t) {
            case GOOD -> s.foreground(AttributedStyle.GREEN);
            case BUSY -> s.foreground(AttributedStyle.YELLOW);
            case BAD -> s.foreground(AttributedStyle.RED).bold();
            case HELD -> s.foreground(AttributedStyle.MAGENTA).bold();
            case IDLE -> s;
        };
    }

    public AttributedStyle plain() {
        return AttributedStyle.DEFAULT;
    }

    public AttributedStyle bold() {
        return AttributedStyle.BOLD;
    }

    /** Headings and key hints: faint with colour, plain without. */
    public AttributedStyle dim() {
        return colour ? AttributedStyle.DEFAULT.faint() : AttributedStyle.DEFAULT;
    }

    public AttributedStyle selected(AttributedStyle s) {
        return s.inverse();
    }
}
