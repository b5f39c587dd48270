package procrust.reconcile;

import java.time.Duration;
import java.time.Instant;
import procrust.runtime.Ticker;

/**
 * Tells a step of the wall clock from the passing of time: between two looks, the wall clock should
 * move as much as the monotonic {@link Ticker}; what it moved more (forward) or less (back) is a
 * step. Steps under {@link #TOLERANCE} are ignored (two readings are never taken at the very same
 * moment, and NTP's slewing changes the rate by at most 0.05%, which is not a step).
 */
final class WallSteps {

    static final Duration TOLERANCE = Duration.ofSeconds(1);

    private final Ticker ticker;
    private Instant lastWall;
    private long lastTicks;

    WallSteps(Ticker ticker) {
        this.ticker = ticker;
    }

    /** The step of the wall clock since the last call ({@code wallNow} read just before), or zero. */
    Duration step(Instant wallNow) {
        long ticks = ticker.nanos();
        if (lastWall == null) {
            lastWall = wallNow;
            lastTicks = ticks;
            return Duration.ZERO;
        }
        Duration step = Duration.between(lastWall, wallNow).minus(Duration.ofNanos(ticks - lastTicks));
        lastWall = wallNow;
        lastTicks = ticks;
        return step.abs().compareTo(TOLERANCE) >= 0 ? step : Duration.ZERO;
    }

    /** "forward 1h 0m 3s" / "back 10s", for the event log. */
    static String describe(Duration step) {
        Duration d = step.abs();
        String size = d.toHours() > 0 ? d.toHours() + "h " + d.toMinutesPart() + "m " + d.toSecondsPart() + "s"
                : d.toMinutes() > 0 ? d.toMinutes() + "m " + d.toSecondsPart() + "s" : d.toSeconds() + "s";
        return (step.isNegative() ? "back " : "forward ") + size;
    }
}
