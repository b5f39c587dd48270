package procrust.tui;

import org.jline.keymap.KeyMap;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp.Capability;
import procrust.tui.Input.Kind;

/**
 * The key map: the terminal's own sequences for the special keys (from terminfo, with keypad mode on),
 * the common xterm/VT100 ones as well, control keys, and every other character as {@link Kind#CHAR}.
 * A lone ESC is told from the start of a sequence after {@link #ESC_TIMEOUT_MS}.
 */
final class TerminalKeys {

    static final long ESC_TIMEOUT_MS = 80;

    private TerminalKeys() {
    }

    static KeyMap<Kind> map(Terminal t) {
        KeyMap<Kind> m = new KeyMap<>();
        for (char c = 0x20; c < 0x7f; c++) {
            m.bind(Kind.CHAR, String.valueOf(c));
        }
        m.setUnicode(Kind.CHAR);
        m.setNomatch(Kind.OTHER);
        m.setAmbiguousTimeout(ESC_TIMEOUT_MS);
        bind(m, t, Kind.UP, Capability.key_up, "\033[A", "\033OA");
        bind(m, t, Kind.DOWN, Capability.key_down, "\033[B", "\033OB");
        bind(m, t, Kind.RIGHT, Capability.key_right, "\033[C", "\033OC");
        bind(m, t, Kind.LEFT, Capability.key_left, "\033[D", "\033OD");
        bind(m, t, Kind.PAGE_UP, Capability.key_ppage, "\033[5~");
        bind(m, t, Kind.PAGE_DOWN, Capability.key_npage, "\033[6~");
        bind(m, t, Kind.HOME, Capability.key_home, "\033[H", "\033OH", "\033[1~", "\033[7~");
        bind(m, t, Kind.END, Capability.key_end, "\033[F", "\033OF", "\033[4~", "\033[8~");
        bind(m, t, Kind.BACKSPACE, Capability.key_backspace, "\177", KeyMap.ctrl('H'));
        m.bind(Kind.ENTER, "\r", "\n");
        m.bind(Kind.ESC, KeyMap.esc());
        m.bind(Kind.CTRL_C, KeyMap.ctrl('C'));
        m.bind(Kind.REDRAW, KeyMap.ctrl('L'));
        return m;
    }

    private static void bind(KeyMap<Kind> m, Terminal t, Kind k, Capability cap, String... fallbacks) {
        String seq = KeyMap.key(t, cap);
        if (seq != null && !seq.isEmpty()) {
            m.bind(k, seq);
        }
        for (String f : fallbacks) {
            m.bind(k, f);
        }
    }
}
