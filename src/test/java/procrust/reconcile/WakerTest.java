package procrust.reconcile;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

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
}
