package procrust.reconcile;

import java.time.Duration;
import java.time.Instant;

/**
 * Gives memory back once apply goes quiet after a burst of work (start-up, a reload, a wave of
 * starts). Reading and validating the file, planning and spawning leave garbage that fills the heap
 * the JVM then keeps resident for as long as apply lives; one full collection after the burst, with
 * the launcher's {@code -XX:MaxHeapFreeRatio}, shrinks the heap back to what is live (about 8 MiB
 * with 100 services). It runs {@link #QUIET} after the last step that changed something, at most once
 * per burst and at most once per {@link #MIN_GAP}, never during one (a crash loop keeps it waiting),
 * and costs tens of milliseconds of CPU.
 */
final class HeapTrim {

    /** How long apply must have been quiet. */
    static final Duration QUIET = Duration.ofSeconds(3);
    /** The shortest time between two collections (a service crashing every few seconds is a burst each time). */
    static final Duration MIN_GAP = Duration.ofMinutes(5);

    private final Runnable collect;
    private Instant lastWork;
    private Instant lastTrim;
    private boolean pending;

    HeapTrim(Runnable collect) {
        this.collect = collect;
    }

    /** The real one: a full collection. */
    static HeapTrim system() {
        return new HeapTrim(System::gc);
    }

    /** A step at {@code now} changed something. */
    void worked(Instant now) {
        lastWork = now;
        pending = true;
    }

    /** Collects when the quiet time after the last burst has passed; returns when to come back (null: nothing pending). */
    Instant idle(Instant now) {
        if (!pending) {
            return null;
        }
        Instant due = lastWork.plus(QUIET);
        if (lastTrim != null && lastTrim.plus(MIN_GAP).isAfter(due) && !now.isBefore(lastTrim)) {
            due = lastTrim.plus(MIN_GAP);
        }
        if (now.isBefore(due)) {
            return due;
        }
        pending = false;
        lastTrim = now;
        collect.run();
        return null;
    }
}
