package procrust.plan;

import java.util.Locale;

/** What the plan says to do with one process (SPEC §4 {@code action}). */
public enum ActionKind {
    START, STOP, REPLACE, WAIT, KEEP, ADOPT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
