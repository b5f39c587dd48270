package procrust.tui;

/**
 * What the operator has set up on the screen. Immutable; {@link Controller} makes the next one.
 *
 * @param view        the main view
 * @param selected    the key ({@code id@version}) of the selected row, or null (the first row)
 * @param filter      the filter in force ("" for none)
 * @param draft       the filter being typed after {@code /}, or null when not typing
 * @param help        the help screen is open
 * @param confirm     an action waiting for y/n, or null
 * @param message     the line shown above the keys (an action's outcome...), or null
 * @param messageTone how that line reads
 */
public record UiState(View view, String selected, String filter, String draft, boolean help, Confirm confirm,
                      String message, Tone messageTone) {

    /** The main views. */
    public enum View {
        LIST, DETAIL, LOG
    }

    /** A hold or release that waits for the operator to press y. */
    public record Confirm(boolean hold, String id) {
        public String question() {
            return hold ? "stop " + id + " and hold it stopped? (y/n)"
                    : "release the hold on " + id + " so it starts when wanted? (y/n)";
        }
    }

    public static UiState initial() {
        return new UiState(View.LIST, null, "", null, false, null, null, Tone.IDLE);
    }

    /** The filter the table uses now: the draft while typing, else the one in force. */
    public String effectiveFilter() {
        return draft != null ? draft : filter;
    }

    public UiState withView(View v) {
        return new UiState(v, selected, filter, draft, help, confirm, message, messageTone);
    }

    public UiState withSelected(String key) {
        return new UiState(view, key, filter, draft, help, confirm, message, messageTone);
    }

    public UiState withFilter(String f, String d) {
        return new UiState(view, selected, f, d, help, confirm, message, messageTone);
    }

    public UiState withHelp(boolean h) {
        return new UiState(view, selected, filter, draft, h, confirm, message, messageTone);
    }

    public UiState withConfirm(Confirm c) {
        return new UiState(view, selected, filter, draft, help, c, message, messageTone);
    }

    public UiState withMessage(String m, Tone t) {
        return new UiState(view, selected, filter, draft, help, confirm, m, t);
    }
}
