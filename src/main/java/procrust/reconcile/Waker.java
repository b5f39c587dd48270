package procrust.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Where the apply loop sleeps: until an instant, or until something calls {@link #wake()}. */
final class Waker {

    private boolean pending;

    synchronized void wake() {
        pending = true;
        notifyAll();
    }

    /** Sleeps until {@code until} or a wake; a wake that came before the call returns at once. */
    synchronized void awaitUntil(Instant until, Clock clock) throws InterruptedException {
        while (!pending) {
            long ms = Duration.between(clock.instant(), until).toMillis();
            if (ms <= 0) {
                break;
            }
            wait(ms);
        }
        pending = false;
    }
}
