package procrust.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which hook events a reconciler event stands for, and the exit status its note names. */
class HookedEventLogTest {

    @Test
    void reconcilerEventsBecomeHookEvents() {
        assertEquals(List.of("started"), HookedEventLog.hookEvents("started", "pid 42, RUNNING: not running"));
        assertEquals(List.of("exited", "backoff"), HookedEventLog.hookEvents("crashed",
                "exited with status 3; failure 1 of 5, next start after 1.0s"));
        assertEquals(List.of("backoff"), HookedEventLog.hookEvents("start-failed", "cannot start: no such dir"));
        assertEquals(List.of("exited", "backoff"), HookedEventLog.hookEvents("start-failed",
                "killed by signal 9 (KILL) before its health check passed; failure 1 of 5"));
        assertEquals(List.of("exited", "failed"), HookedEventLog.hookEvents("failed",
                "exited with status 3; gave up after 2 consecutive failures: FAILED"));
        assertEquals(List.of("failed"), HookedEventLog.hookEvents("failed", "health check did not pass within 30s"));
        assertEquals(List.of("unhealthy"), HookedEventLog.hookEvents("unhealthy", "3 failures"));
        assertEquals(List.of(), HookedEventLog.hookEvents("adopted", "pid 42"));
        assertEquals(List.of(), HookedEventLog.hookEvents("healthy", "health check passed"));
    }

    @Test
    void theExitStatusIsReadBackFromWhatDescribeWrites() {
        assertEquals(3, ExitRules.statusIn(ExitRules.describe(3) + "; restart policy never: not restarted"));
        assertEquals(137, ExitRules.statusIn(ExitRules.describe(137)));
        assertEquals(0, ExitRules.statusIn(ExitRules.describe(0)));
        assertEquals(0, ExitRules.statusIn("completed (exit 0)"));
        assertNull(ExitRules.statusIn(ExitRules.describe(null)));
        assertNull(ExitRules.statusIn(null));
    }
}
