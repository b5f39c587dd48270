package procrust.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class LogMarksTest {

    private static final Key K = new Key("web", "2024-10-01T12:00:00");

    @Test
    void aStartIsMarkedWithItsPidAndVersion() {
        assertEquals("started pid 4242 (version 2024-10-01T12:00:00)",
                LogMarks.marker("spawned", K, "pid 4242, waiting for its pid to be recorded"));
    }

    @Test
    void anEndIsMarkedWithTheFirstClauseOfItsNote() {
        assertEquals("exited with status 3 (version 2024-10-01T12:00:00)",
                LogMarks.marker("crashed", K, "exited with status 3; failure 1 of 5, next start after 1.0s"));
        assertEquals("exited with status 0 within its first second (run it with `nginx -g 'daemon off;'`)"
                        + " (version 2024-10-01T12:00:00)",
                LogMarks.marker("failed", K, "exited with status 0 within its first second (run it with "
                        + "`nginx -g 'daemon off;'`); gave up"));
    }

    @Test
    void otherEventsAreNotMarked() {
        assertNull(LogMarks.marker("stopping", K, "SIGTERM to process group 1"));
        assertNull(LogMarks.marker("adopted", K, "pid 1 is alive"));
    }
}
