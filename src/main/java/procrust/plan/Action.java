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

    /** WAIT: {@code version} (null: none active yet) is left alone, for {@code reason}, with no known end. */
    public static Action waiting(String id, String version, String reason) {
        return waitingUntil(id, version, reason, null);
    }

    /** WAIT until {@code until} (window opens, apply_on, back-off end; null: not known). */
    public static Action waitingUntil(String id, String version, String reason, Instant until) {
        return new Action(ActionKind.WAIT, id, version, null, reason, until, null);
    }

    public static Action start(String id, String version, String reason) {
        return new Action(ActionKind.START, id, version, null, reason, null, null);
    }

    /** REPLACE: stop {@code oldVersion}, then start {@code version}. */
    public static Action replace(String id, String version, String oldVersion, String reason) {
        return new Action(ActionKind.REPLACE, id, version, oldVersion, reason, null, null);
    }

    public static Action stop(String id, String version, String reason) {
        return new Action(ActionKind.STOP, id, version, null, reason, null, null);
    }

    public static Action keep(String id, String version, String reason) {
        return keep(id, version, reason, null);
    }

    /** KEEP the live {@code version}; {@code changedFields} take effect at its next start. */
    public static Action keep(String id, String version, String reason, List<String> changedFields) {
        return new Action(ActionKind.KEEP, id, version, null, reason, null, changedFields);
    }

    /** ADOPT the live {@code version} no running apply supervises yet. */
    public static Action adopt(String id, String version, String reason, List<String> changedFields) {
        return new Action(ActionKind.ADOPT, id, version, null, reason, null, changedFields);
    }

    /** True for the kinds that change the host (start, stop, replace). */
    public boolean isChange() {
        return kind == ActionKind.START || kind == ActionKind.STOP || kind == ActionKind.REPLACE;
    }
}
