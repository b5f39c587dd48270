package procrust.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import procrust.config.Fingerprint;
import procrust.plan.InstanceState;

class StateStoreTest {

    static final String UID = "550e8400-e29b-41d4-a716-446655440000";
    static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");

    @TempDir
    Path tmp;

    private StateStore store() {
        return new StateStore(tmp.resolve("base/" + UID), UID, Clock.fixed(T0, ZoneOffset.UTC));
    }

    private static InstanceRecord running() {
        return new InstanceRecord("web", "2024-10-01T12:00:00", "normal", InstanceState.RUNNING, 1234L, 99L,
                "boot", T0, T0, 2, 1, null, null, T0, Fingerprint.fromFields(Map.of("command", "sleep 1")), null, "note", null);
    }

    @Test
    void roundTripsEveryFieldAndWritesPrivateFiles() throws Exception {
        StateStore s = store();
        StateFile f = StateFile.empty(UID).put(running()).withHolds(List.of("db"));
        s.save(f);
        assertEquals(f, s.load(true).state());
        assertNull(s.load(true).problem());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(s.file())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(s.uidDir())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(s.uidDir().getParent())));
        try (Stream<Path> files = Files.list(s.uidDir())) {
            assertEquals(List.of(s.file()), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void missingFileIsNothingKnown() throws Exception {
        StateStore.Loaded l = store().load(true);
        assertEquals(StateFile.empty(UID), l.state());
        assertNull(l.problem());
    }

    @Test
    void corruptFileIsMovedAsideOnlyWhenRepairing() throws Exception {
        StateStore s = store();
        Files.createDirectories(s.uidDir());
        Files.writeString(s.file(), "{\"format\": 1, \"uid\": \"" + UID + "\", \"instances\": [ {\"id\": ");
        StateStore.Loaded ro = s.load(false);
        assertEquals(StateFile.empty(UID), ro.state());
        assertNotNull(ro.problem());
        assertTrue(Files.exists(s.file()), "read-only load leaves the file");
        StateStore.Loaded rw = s.load(true);
        assertTrue(rw.problem().contains("moved to state.json.corrupt-20250101T100000Z"), rw.problem());
        assertFalse(Files.exists(s.file()));
        assertTrue(Files.exists(s.uidDir().resolve("state.json.corrupt-20250101T100000Z")));
    }

    @Test
    void stateOfAnotherUidIsRefused() throws Exception {
        StateStore s = store();
        new StateStore(s.uidDir(), "other", Clock.systemUTC()).save(StateFile.empty("other"));
        StateStore.Loaded l = s.load(false);
        assertTrue(l.problem().contains("belongs to uid other"), l.problem());
    }

    @Test
    void lockHolderIsReadFromTheKernel() throws Exception {
        Path dir = tmp.resolve(UID);
        ApplyLock.Attempt first = ApplyLock.tryAcquire(dir);
        assertTrue(first.acquired());
        try (ApplyLock l = first.lock()) {
            // a second attempt from this JVM would close a channel on the file, which drops POSIX
            // locks: the refusal of a second apply is covered by the end-to-end tests
            assertEquals(ProcessHandle.current().pid(), ApplyLock.holder(dir).orElseThrow());
            assertEquals(ProcessHandle.current().pid() + "\n", Files.readString(dir.resolve(ApplyLock.FILE_NAME)));
        }
        assertTrue(ApplyLock.holder(dir).isEmpty(), "released");
        ApplyLock.Attempt again = ApplyLock.tryAcquire(dir);
        assertTrue(again.acquired());
        again.lock().close();
    }
}
