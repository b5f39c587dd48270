package procrust.health;

import java.time.Instant;
import procrust.runtime.ProbeResult;

/** One health-check attempt in flight. Used from the reconciler's thread only. */
public interface Attempt {

    /**
     * The result once the attempt is over, else null. An attempt still running at its deadline is
     * ended here (a command's whole process group is killed) and is a failure.
     */
    ProbeResult poll(Instant now);

    /** When it must be looked at again at the latest (its deadline), or null when it wakes its owner itself. */
    Instant deadline();

    /** Ends it now, whatever it is doing (apply ending, instance gone). */
    void cancel();
}
