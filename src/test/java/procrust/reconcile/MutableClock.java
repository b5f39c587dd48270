package procrust.reconcile;

import java.time.Duration;
import java.time.Instant;
import procrust.runtime.Ticker;

/**
 * A clock the test moves by hand, with its monotonic {@link Ticker}. Time passing ({@link #advance},
 * {@link #set} forward) moves both; a step of the wall clock ({@link #jump}, {@link #jumpTo}, and any
 * move back, which time passing never is) moves the wall reading only.
 */
final class MutableClock extends UtcClock implements Ticker {
    private Instant now;
    private long ticks;

    MutableClock(Instant start) {
        now = start;
    }

    void advance(Duration d) {
        if (!d.isNegative()) {
            ticks += d.toNanos();
        }
        now = now.plus(d);
    }

    void set(Instant t) {
        advance(Duration.between(now, t));
    }

    /** The wall clock steps by {@code d} (NTP, an operator); no time passes. */
    void jump(Duration d) {
        now = now.plus(d);
    }

    /** The wall clock is set to {@code t}; no time passes. */
    void jumpTo(Instant t) {
        now = t;
    }

    @Override
    public long nanos() {
        return ticks;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
