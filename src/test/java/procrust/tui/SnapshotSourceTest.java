package procrust.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import procrust.config.CheckResult;
import procrust.reconcile.Observation;
import procrust.runtime.LinuxProcessTable;
import procrust.validate.ConfigChecker;

class SnapshotSourceTest {

    private static final String UID = "6f1c2a9e-3b1d-4c55-9a1e-0c2b5e7d8f90";
    private static final String OTHER_UID = "0e0c5f8a-1111-4222-8333-944455556666";

    @TempDir
    Path dir;
    Path file;
    Path state;
    SnapshotSource source;

    private static String toml(String uid, String... ids) {
        StringBuilder sb = new StringBuilder("uid = \"" + uid + "\"\nfile_format = \"0\"\n");
        for (String id : ids) {
            sb.append("\n[[process]]\nid = \"").append(id).append("\"\ncommand = \"sleep 100\"\n")
                    .append("apply_on = \"2024-01-01T00:00:00\"\n");
        }
        return sb.toString();
    }

    /** Writes the file and moves its modification time on, as an editor saving it a moment later would. */
    private void edit(String text) throws Exception {
        FileTime before = Files.getLastModifiedTime(file);
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.fromMillis(before.toMillis() + 1000));
    }

    @BeforeEach
    void setUp() throws Exception {
        file = dir.resolve("procrust.toml");
        state = dir.resolve("state");
        Files.writeString(file, toml(UID, "web", "db"));
        CheckResult r = ConfigChecker.check(file);
        assertTrue(r.valid(), r.diagnostics().toString());
        source = new SnapshotSource(file, r.config(), state, null, ConfigChecker::check,
                Observation.readOnly(new LinuxProcessTable(), Clock.systemUTC()));
    }

    @Test
    void readsStatusLikeTheStatusCommandAndWritesNothing() throws Exception {
        Snapshot s = source.read();
        assertEquals(UID, s.report().uid());
        assertNull(s.report().applyPid());
        assertEquals(List.of("web", "db"), s.report().rows().stream().map(r -> r.id()).toList());
        assertEquals(state.resolve(UID).resolve("logs"), s.logDir());
        assertNull(s.fileProblem());
        assertFalse(Files.exists(state), "a view creates no state folder");
    }

    @Test
    void anInvalidEditKeepsTheLastValidFileAndAValidOneIsTakenUp() throws Exception {
        edit(toml(UID, "web", "db") + "\n[[process]]\nid = \"x\"\ncomand = \"oops\"\n");
        Snapshot bad = source.read();
        assertTrue(bad.fileProblem() != null && bad.fileProblem().contains("is invalid (line "), bad.fileProblem());
        assertTrue(bad.fileProblem().endsWith("showing its last valid reading"), bad.fileProblem());
        assertEquals(2, bad.report().rows().size());
        edit(toml(UID, "web", "db", "cache"));
        Snapshot good = source.read();
        assertNull(good.fileProblem());
        assertEquals(List.of("web", "db", "cache"), good.report().rows().stream().map(r -> r.id()).toList());
    }

    @Test
    void aNewUidIsNotFollowedLikeApply() throws Exception {
        edit(toml(OTHER_UID, "web"));
        Snapshot s = source.read();
        assertEquals(UID, s.report().uid());
        assertTrue(s.fileProblem().contains("now has uid " + OTHER_UID), s.fileProblem());
        assertEquals(state.resolve(UID), source.uidDir());
    }

    @Test
    void aMissingFileIsSaidAndTheLastReadingStays() throws Exception {
        Files.delete(file);
        Snapshot s = source.read();
        assertTrue(s.fileProblem().endsWith("is missing: showing its last valid reading"), s.fileProblem());
        assertEquals(2, s.report().rows().size());
    }

    @Test
    void aFileBrokenFromTheStartShowsTheRecordedStateUnderABannerUntilItIsFixed() throws Exception {
        procrust.state.StateStore store = new procrust.state.StateStore(state.resolve(UID), UID, Clock.systemUTC());
        store.save(procrust.state.StateFile.empty(UID).put(procrust.state.InstanceRecord.fresh("web",
                "2024-01-01T00:00:00", "normal", java.time.Instant.now()).toBuilder()
                .state(procrust.plan.InstanceState.STOPPED, java.time.Instant.now()).build()));
        Files.writeString(file, "uid = \"" + UID + "\"\n[[process]]\nid = = \"web\"\n");
        SnapshotSource broken = SnapshotSource.ofBrokenFile(file, UID, "the file is invalid: showing the state", state,
                null, ConfigChecker::check, procrust.reconcile.Observation.readOnly(new LinuxProcessTable(), Clock.systemUTC()));
        Snapshot s = broken.read();
        assertEquals("the file is invalid: showing the state", s.fileProblem());
        assertEquals(List.of("web"), s.report().rows().stream().map(r -> r.id()).toList());
        assertEquals(procrust.plan.InstanceState.STOPPED, s.report().rows().get(0).state(), "as recorded, not planned");
        edit(toml(UID, "web", "db"));
        Snapshot good = broken.read();
        assertNull(good.fileProblem());
        assertEquals(List.of("web", "db"), good.report().rows().stream().map(r -> r.id()).toList());
    }
}
