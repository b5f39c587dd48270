package procrust.tui;

/**
 * One key press, as the key map reads it from the terminal: a named key, or a character
 * ({@link Kind#CHAR} with {@code ch}).
 */
public record Input(Kind kind, char ch) {

    /** The keys the TUI tells apart. */
    public enum Kind {
        CHAR, UP, DOWN, LEFT, RIGHT, PAGE_UP, PAGE_DOWN, HOME, END, ENTER, ESC, BACKSPACE, CTRL_C, REDRAW, OTHER
    }

    public static Input of(Kind kind) {
        return new Input(kind, '\0');
    }

    public static Input ch(char c) {
        return new Input(Kind.CHAR, c);
    }

    public boolean is(char c) {
        return kind == Kind.CHAR && ch == c;
    }
}
