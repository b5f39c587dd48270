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

    /** Sleeps until {@code until} or a wake; a wake that came before the call returns at once. */
    synchronized void awaitUntil(Instant until, Clock clock) throws InterruptedException {
        // the length of the sleep is read once from the wall clock, then measured on the monotonic one:
        // a step of the wall clock meanwhile neither stretches nor cuts it
        Ticker ticker = Ticker.of(clock);
        long end = ticker.nanos() + Math.max(0, Duration.between(clock.instant(), until).toNanos());
        while (!pending) {
            long ms = (end - ticker.nanos()) / 1_000_000;
            if (ms <= 0) {
                break;
            }
            wait(ms);
        }
        pending = false;
    }
}
