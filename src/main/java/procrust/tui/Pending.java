package procrust.tui;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import procrust.plan.InstanceState;

/**
 * A hold or release that was accepted and is not yet visible: the screen watches the rows of its id
 * until the change shows (held: nothing of the id runs and a row says HELD; released: no row says
 * HELD) or until {@code limit} has passed. Pure.
 */
public record Pending(boolean hold, String id, Instant since, Duration limit) {

    /** A finished action's last word. */
    public record Done(String message, Tone tone) {
    }

    /** The outcome once the change shows or time is up; null while still waiting. */
    public Done check(ViewModel vm, Instant now) {
        List<ViewRow> mine = vm.all().stream().filter(r -> r.id().equals(id)).toList();
        boolean anyHeld = mine.stream().anyMatch(r -> r.state() == InstanceState.HELD);
        boolean anyLive = mine.stream().anyMatch(r -> r.pid() != null);
        String waited = Formats.duration(Duration.between(since, now));
        if (hold && anyHeld && !anyLive) {
            return new Done(id + " is stopped and held; S releases it", Tone.HELD);
        }
        if (!hold && !anyHeld) {
            String states = mine.stream().map(r -> r.state().name()).distinct().reduce((a, b) -> a + ", " + b)
                    .orElse("not in the file");
            return new Done(id + " is released: now " + states, Tone.GOOD);
        }
        if (Duration.between(since, now).compareTo(limit) > 0) {
            return new Done(id + ": the " + (hold ? "stop" : "release") + " was requested " + waited
                    + " ago and does not show yet (is the apply busy? see its log)", Tone.BAD);
        }
        return null;
    }
}
