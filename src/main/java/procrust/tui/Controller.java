package procrust.tui;

import java.util.List;
import procrust.tui.Input.Kind;
import procrust.tui.UiState.Confirm;
import procrust.tui.UiState.View;

/**
 * What each key does (docs/tui.md), as a pure function from the screen's state, the key and the table
 * to the next state and a {@link Command}. Holds and releases need a confirming {@code y}; {@code q}
 * and Ctrl-C quit from anywhere except while typing a filter or answering a question.
 */
public final class Controller {

    /** The next screen state and what to do. */
    public record Step(UiState state, Command command) {
        static Step of(UiState s) {
            return new Step(s, Command.NONE);
        }
    }

    private Controller() {
    }

    /**
     * @param page how many rows one page holds (for page up/down)
     */
    public static Step handle(UiState s, Input in, ViewModel vm, int page) {
        if (in.kind() == Kind.CTRL_C) {
            return new Step(s, Command.QUIT);
        }
        if (s.confirm() != null) {
            return answer(s, in);
        }
        if (s.draft() != null) {
            return typeFilter(s, in);
        }
        if (s.help()) {
            return in.is('q') ? new Step(s, Command.QUIT) : Step.of(s.withHelp(false));
        }
        if (in.is('q')) {
            return new Step(s, Command.QUIT);
        }
        if (in.is('?')) {
            return Step.of(s.withHelp(true));
        }
        ViewRow sel = vm.selected(s.selected());
        if (in.is('s') || in.is('S')) {
            if (sel == null) {
                return Step.of(s.withMessage("no process selected", Tone.BAD));
            }
            Confirm c = new Confirm(in.is('s'), sel.id());
            return Step.of(s.withConfirm(c).withMessage(c.question(), Tone.BUSY));
        }
        if (in.is('/')) {
            return Step.of(s.withFilter(s.filter(), s.filter()).withMessage(null, Tone.IDLE));
        }
        return switch (s.view()) {
            case LIST -> list(s, in, vm, page);
            case DETAIL -> detail(s, in, vm, page);
            case LOG -> log(s, in);
        };
    }

    private static Step list(UiState s, Input in, ViewModel vm, int page) {
        if (in.kind() == Kind.ENTER || in.kind() == Kind.RIGHT) {
            return vm.rows().isEmpty() ? Step.of(s) : Step.of(s.withView(View.DETAIL));
        }
        if (in.is('l')) {
            return vm.rows().isEmpty() ? Step.of(s) : Step.of(s.withView(View.LOG));
        }
        if (in.kind() == Kind.ESC && !s.filter().isEmpty()) {
            return Step.of(s.withFilter("", null).withMessage("filter cleared", Tone.IDLE));
        }
        return Step.of(move(s, in, vm, page));
    }

    private static Step detail(UiState s, Input in, ViewModel vm, int page) {
        if (back(in)) {
            return Step.of(s.withView(View.LIST));
        }
        if (in.is('l')) {
            return Step.of(s.withView(View.LOG));
        }
        return Step.of(move(s, in, vm, page));
    }

    private static Step log(UiState s, Input in) {
        if (back(in) || in.is('l')) {
            return Step.of(s.withView(View.LIST));
        }
        return Step.of(s);
    }

    private static boolean back(Input in) {
        return in.kind() == Kind.ESC || in.kind() == Kind.ENTER || in.kind() == Kind.BACKSPACE
                || in.kind() == Kind.LEFT || in.is('h');
    }

    /** Arrows, j/k, page up/down, home/end (g/G): the selection moves within the shown rows. */
    private static UiState move(UiState s, Input in, ViewModel vm, int page) {
        List<ViewRow> rows = vm.rows();
        if (rows.isEmpty()) {
            return s;
        }
        int i = vm.indexOf(s.selected());
        int n = rows.size();
        int to;
        if (in.kind() == Kind.UP || in.is('k')) {
            to = i - 1;
        } else if (in.kind() == Kind.DOWN || in.is('j')) {
            to = i + 1;
        } else if (in.kind() == Kind.PAGE_UP) {
            to = i - Math.max(1, page);
        } else if (in.kind() == Kind.PAGE_DOWN) {
            to = i + Math.max(1, page);
        } else if (in.kind() == Kind.HOME || in.is('g')) {
            to = 0;
        } else if (in.kind() == Kind.END || in.is('G')) {
            to = n - 1;
        } else {
            return s;
        }
        to = Math.max(0, Math.min(n - 1, to));
        return s.withSelected(rows.get(to).key());
    }

    private static Step answer(UiState s, Input in) {
        Confirm c = s.confirm();
        UiState cleared = s.withConfirm(null);
        if (in.is('y') || in.is('Y')) {
            Command cmd = c.hold() ? new Command.Hold(c.id()) : new Command.Release(c.id());
            return new Step(cleared.withMessage((c.hold() ? "stopping " : "releasing ") + c.id() + "...", Tone.BUSY), cmd);
        }
        return Step.of(cleared.withMessage("cancelled: nothing was changed", Tone.IDLE));
    }

    private static Step typeFilter(UiState s, Input in) {
        String d = s.draft();
        return switch (in.kind()) {
            case ENTER -> Step.of(s.withFilter(d.trim(), null));
            case ESC -> Step.of(s.withFilter(s.filter(), null));
            case BACKSPACE -> Step.of(s.withFilter(s.filter(), d.isEmpty() ? d : d.substring(0, d.length() - 1)));
            case CHAR -> Step.of(d.length() >= 64 || in.ch() < 0x20 ? s : s.withFilter(s.filter(), d + in.ch()));
            default -> Step.of(s);
        };
    }
}
