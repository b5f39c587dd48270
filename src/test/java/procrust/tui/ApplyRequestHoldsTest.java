package procrust.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import procrust.state.ApplyLock;
import procrust.state.Requests;

class ApplyRequestHoldsTest {

    @TempDir
    Path dir;

    @Test
    void withoutARunningApplyNothingIsWritten() throws Exception {
        Path uidDir = dir.resolve("uid");
        HoldActions.Outcome o = new ApplyRequestHolds(() -> uidDir).hold("web");
        assertFalse(o.accepted());
        assertTrue(o.message().startsWith("no apply is running for this file: nothing was changed"), o.message());
        assertFalse(Files.exists(uidDir), "not even the folder is created");
    }

    @Test
    void withTheApplyLockHeldTheRequestGoesToIt() throws Exception {
        Path uidDir = dir.resolve("uid");
        Files.createDirectories(uidDir);
        ApplyLock.Attempt a = ApplyLock.tryAcquire(uidDir);
        assertTrue(a.acquired());
        try (ApplyLock lock = a.lock()) {
            ApplyRequestHolds holds = new ApplyRequestHolds(() -> uidDir);
            HoldActions.Outcome o = holds.hold("web");
            assertTrue(o.accepted(), o.message());
            assertEquals("stop and hold of web sent to apply (pid " + ProcessHandle.current().pid()
                    + "); waiting for it to show...", o.message());
            holds.release("db");
            List<Path> pending = Requests.pending(uidDir);
            assertEquals(2, pending.size());
            assertEquals(new Requests.Request("hold", List.of("web")), Requests.read(pending.get(0)));
            assertEquals(new Requests.Request("release", List.of("db")), Requests.read(pending.get(1)));
        }
    }
}
