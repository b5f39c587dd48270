package procrust.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HeapTrimTest {

    private final AtomicInteger collections = new AtomicInteger();
    private final HeapTrim trim = new HeapTrim(collections::incrementAndGet);
    private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void collectsOnceWhenQuietLongEnoughAfterABurst() {
        assertNull(trim.idle(t0), "nothing happened yet: nothing to give back");
        trim.worked(t0);
        trim.worked(t0.plusSeconds(3));
        assertEquals(t0.plusSeconds(3).plus(HeapTrim.QUIET), trim.idle(t0.plusSeconds(5)), "comes back when quiet long enough");
        assertEquals(0, collections.get());
        assertNull(trim.idle(t0.plusSeconds(3).plus(HeapTrim.QUIET)));
        assertEquals(1, collections.get());
        assertNull(trim.idle(t0.plusSeconds(60)), "once per burst");
        assertEquals(1, collections.get());
    }

    @Test
    void aCrashLoopKeepsItWaiting() {
        for (int s = 0; s < 100; s += 2) {
            trim.worked(t0.plusSeconds(s));
            trim.idle(t0.plusSeconds(s + 1));
        }
        assertEquals(0, collections.get(), "never during a burst");
        trim.idle(t0.plusSeconds(98).plus(HeapTrim.QUIET));
        assertEquals(1, collections.get());
    }

    @Test
    void burstsCloserThanTheMinimumGapShareOneCollection() {
        trim.worked(t0);
        trim.idle(t0.plus(HeapTrim.QUIET));
        assertEquals(1, collections.get());
        trim.worked(t0.plusSeconds(20)); // a crash and its restart, say
        Instant due = trim.idle(t0.plusSeconds(30));
        assertEquals(t0.plus(HeapTrim.QUIET).plus(HeapTrim.MIN_GAP), due, "not before the minimum gap");
        assertEquals(1, collections.get());
        assertNull(trim.idle(due));
        assertEquals(2, collections.get());
    }
}
