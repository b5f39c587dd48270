package procrust.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import procrust.runtime.Ticker;

/** Where the apply loop sleeps: until an instant, or until something calls {@link #wake()}. */
final class Waker {

    private boolean pending;

    synchronized void wake() {
        pending = true;
        notifyAll();
    }

    /**
     * Sleeps until {@code until} (never returning before it, on the monotonic clock) or a wake; a wake
     * that came before the call returns at once.
     */
    synchronized void awaitUntil(Instant until, Clock clock) throws InterruptedException {
        // the length of the sleep is read once from the wall clock, then measured on the monotonic one:
        // a step of the wall clock meanwhile neither stretches nor cuts it
        Ticker ticker = Ticker.of(clock);
        long end = ticker.nanos() + Math.max(0, Duration.between(clock.instant(), until).toNanos());
        // rounded up: a wait of whole milliseconds rounded down ends up to 1 ms before the instant, and
        // the loop then steps through that last millisecond again and again, finding nothing due yet
        // (half a millisecond of busy stepping at every timed wake: docs/benchmarks.md, health checks)
        while (!pending) {
            long left = end - ticker.nanos();
            if (left <= 0) {
                break;
            }
            wait((left + 999_999) / 1_000_000);
        }
        pending = false;
    }
}
