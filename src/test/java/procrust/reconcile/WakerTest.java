package procrust.reconcile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import procrust.runtime.Ticker;

/** The loop's sleep is measured on the monotonic clock: a wall clock that stands still or steps back does not stretch it. */
class WakerTest {

    @Test
    void aWallClockThatDoesNotMoveDoesNotStretchTheSleep() {
        Clock frozen = Clock.fixed(Instant.parse("2025-03-03T10:00:00Z"), ZoneOffset.UTC); // as if stepped back all along
        Waker w = new Waker();
        assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> w.awaitUntil(frozen.instant().plusMillis(200), frozen));
    }

    @Test
    void aWakeEndsTheSleep() {
        Waker w = new Waker();
        w.wake();
        Clock c = Clock.systemUTC();
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> w.awaitUntil(c.instant().plusSeconds(3600), c));
    }

    /**
     * The sleep lasts to its instant: a sleep that ended up to a millisecond early had the loop step
     * through that millisecond again and again (each step finding nothing due yet), half a millisecond
     * of busy CPU at every timed wake. Sub-millisecond offsets are what made it end early.
     */
    @Test
    void theSleepNeverEndsBeforeItsInstant() throws InterruptedException {
        RealTime clock = new RealTime();
        Waker w = new Waker();
        for (int i = 0; i < 40; i++) {
            Instant until = clock.instant().plusNanos(3_000_000L + i * 24_700L);
            w.awaitUntil(until, clock);
            Instant woke = clock.instant();
            assertFalse(woke.isBefore(until), "woke at " + woke + ", before " + until);
        }
    }

    /** The real passing of time, read from the monotonic clock only (no step of the wall clock can upset the test). */
    private static final class RealTime extends UtcClock implements Ticker {
        private final Instant base = Instant.parse("2025-03-03T10:00:00Z");
        private final long t0 = System.nanoTime();

        @Override
        public long nanos() {
            return System.nanoTime();
        }

        @Override
        public Instant instant() {
            return base.plusNanos(System.nanoTime() - t0);
        }
    }
}
