package procrust.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static procrust.reconcile.Fixture.UID;
import static procrust.reconcile.Fixture.V1;
import static procrust.reconcile.Fixture.config;
import static procrust.reconcile.Fixture.spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import procrust.plan.InstanceState;
import procrust.state.InstanceRecord;
import procrust.state.StateStore;

/**
 * A start's pid is in the state file before its command runs (the crash-anywhere test found a kill -9 of
 * apply between spawn and state write leaving a service no state named, which the next apply started
 * again); when the state cannot be written, the command never runs and the start counts as failed.
 */
class GatedStartTest {

    @TempDir
    Path tmp;

    @Test
    void theGateOpensOnlyOnceThePidIsOnDisk() throws Exception {
        Fixture f = new Fixture(tmp);
        List<String> seen = new ArrayList<>();
        f.rt.onGateOpen = pid -> {
            try {
                InstanceRecord r = f.store.load(false).state().find("svc", V1).orElseThrow();
                seen.add(r.state() + " " + r.pid());
            } catch (java.io.IOException e) {
                seen.add(e.toString());
            }
        };
        f.start(config(spec(0, "svc", "run-svc", V1)));
        f.stepUntilAsleep();
        long pid = f.rt.last("run-svc").pid;
        assertEquals(List.of("open " + pid), f.rt.gates);
        assertEquals(List.of("RUNNING " + pid), seen);
    }

    @Test
    void aStartWhosePidCannotBeRecordedNeverRuns() throws Exception {
        Fixture f = new Fixture(tmp);
        Path notADir = tmp.resolve("blocked");
        Files.writeString(notADir, "a file where the uid folder should be");
        f.store = new StateStore(notADir, UID, f.clock);
        f.start(config(spec(0, "svc", "run-svc", V1)));
        f.rec.step();
        long pid = f.rt.last("run-svc").pid;
        assertEquals(List.of("close " + pid), f.rt.gates, "the command never ran");
        InstanceRecord r = f.rec.state().find("svc", V1).orElseThrow();
        assertEquals(InstanceState.BACKOFF, r.state(), r::toString);
        assertTrue(r.note().contains("could not be recorded"), r.note());
        assertTrue(f.events.stream().anyMatch(e -> e.startsWith("state-write-failed")), f.events::toString);
        assertEquals(1, f.rec.failures());
    }
}
