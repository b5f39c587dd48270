package procrust.plan;

import java.time.Instant;
import java.util.List;

/**
 * One step of a plan, or the reason a process is left alone.
 *
 * @param version       the version concerned: for START/REPLACE the one to start, for STOP the
 *                      running one, for KEEP/ADOPT the live one, for WAIT the one waiting (may be null
 *                      when no version is active yet)
 * @param oldVersion    for REPLACE, the version being stopped; else null
 * @param reason        a human sentence: why this action, or why nothing happens
 * @param until         for WAIT, when the reason ends if known (window opens, apply_on, back-off end)
 * @param changedFields for KEEP, fields edited since the instance started (take effect at next start)
 */
public record Action(ActionKind kind, String id, String version, String oldVersion, String reason,
                     Instant until, List<String> changedFields) {

    public Action {
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
    }

    /** True for the kinds that change the host (start, stop, replace). */
    public boolean isChange() {
        return kind == ActionKind.START || kind == ActionKind.STOP || kind == ActionKind.REPLACE;
    }
}
