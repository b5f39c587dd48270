package procrust.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import procrust.plan.InstanceState;

/**
 * The journal (issue 18): a save writes what changed, not the whole state, and a crash anywhere in a
 * save leaves either the state before it or the state after it, as the atomic rename did.
 */
class StateJournalTest {

    static final String UID = "550e8400-e29b-41d4-a716-446655440000";
    static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");

    @TempDir
    Path tmp;

    private StateStore store() {
        return new StateStore(tmp.resolve(UID), UID, Clock.fixed(T0, ZoneOffset.UTC));
    }

    private static InstanceRecord rec(String id, InstanceState s, long pid) {
        return InstanceRecord.fresh(id, "2024-10-01T12:00:00", "normal", T0).toBuilder().state(s, T0)
                .process("normal", pid, 99, "boot", T0, null).build();
    }

    private static StateFile fleet(int n) {
        StateFile f = StateFile.empty(UID);
        for (int i = 0; i < n; i++) {
            f = f.put(rec("s" + i, InstanceState.RUNNING, 1000 + i));
        }
        return f;
    }

    @Test
    void aChangeAppendsItsRecordNotTheWholeState() throws Exception {
        StateStore s = store();
        StateFile f = fleet(1000);
        s.save(f);
        long whole = Files.size(s.file());
        assertTrue(whole > 200_000, "1,000 records: " + whole);
        f = f.update("s500", "2024-10-01T12:00:00", r -> r.toBuilder().state(InstanceState.STOPPED, T0).gone(0).build());
        s.save(f);
        assertEquals(whole, Files.size(s.file()), "state.json untouched");
        long frame = Files.size(s.journalFile());
        assertTrue(frame < 2_000, "one record's change appends " + frame + " bytes");
        assertEquals(f, s.load(false).state());
        assertEquals(f, store().load(true).state(), "a new store (the next apply) reads the same");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(s.journalFile())));
    }

    @Test
    void removalsHoldsAndTheLogFolderAreJournaledToo() throws Exception {
        StateStore s = store();
        StateFile f = fleet(5);
        s.save(f);
        f = f.remove("s1", "2024-10-01T12:00:00").withHolds(List.of("s2")).withLogDir("/var/log/x");
        s.save(f);
        f = f.put(rec("new", InstanceState.STOPPING, 77));
        s.save(f);
        s.save(f); // nothing changed: nothing written
        assertEquals(f, s.load(false).state());
        assertTrue(Files.exists(s.journalFile()));
    }

    @Test
    void aFrameHoldsTheChangedRecordsWhetherTheyStayInPlaceOrMove() throws Exception {
        StateFile f = fleet(4);
        assertNull(StateJournal.frame(f, f), "nothing changed");
        InstanceRecord moved = rec("s2", InstanceState.STOPPED, 1002);
        StateFile inPlace = f.put(moved);
        assertEquals(List.of(moved), replayed(f, inPlace).instances().subList(2, 3));
        assertEquals(inPlace, replayed(f, inPlace));
        StateFile grown = inPlace.put(rec("s9", InstanceState.RUNNING, 1009)).put(rec("s0", InstanceState.STOPPED, 1000));
        assertEquals(grown, replayed(f, grown), "a record changed in place and one appended");
        // the same records in another order, with copies equal to the old ones: nothing to write
        List<InstanceRecord> shuffled = new java.util.ArrayList<>(f.instances());
        java.util.Collections.reverse(shuffled);
        shuffled.set(0, rec("s3", InstanceState.RUNNING, 1003));
        assertNull(StateJournal.frame(f, f.withInstances(shuffled)));
        // a record in place of another of the same length: one put, one removal
        List<InstanceRecord> swapped = new java.util.ArrayList<>(f.instances());
        swapped.set(1, rec("other", InstanceState.RUNNING, 9));
        StateFile after = f.withInstances(swapped);
        assertEquals(java.util.Set.copyOf(after.instances()), java.util.Set.copyOf(replayed(f, after).instances()));
        assertEquals(4, replayed(f, after).instances().size());
    }

    /** {@code after} as read back from {@code before}'s state.json and the one frame between them. */
    private static StateFile replayed(StateFile before, StateFile after) throws Exception {
        byte[] snapshot = StateJson.write(before);
        byte[] frame = StateJournal.frame(before, after);
        byte[] header = StateJournal.header(snapshot);
        byte[] j = Arrays.copyOf(header, header.length + frame.length);
        System.arraycopy(frame, 0, j, header.length, frame.length);
        StateJournal.Replayed r = StateJournal.replay(before, snapshot, j);
        assertNull(r.problem());
        return r.state();
    }

    @Test
    void theJournalIsFoldedIntoStateJsonOnceItIsAsLargeAsIt() throws Exception {
        StateStore s = store();
        StateFile f = fleet(3);
        s.save(f);
        for (int i = 0; i < 400; i++) {
            f = f.update("s" + (i % 3), "2024-10-01T12:00:00", r -> r.toBuilder().restarts(r.restarts() + 1).build());
            s.save(f);
            assertTrue(!Files.exists(s.journalFile()) || Files.size(s.journalFile()) <= StateStore.COMPACT_MIN + 2_000);
        }
        assertEquals(f, s.load(false).state());
        assertEquals(f, store().load(true).state());
    }

    @Test
    void aSaveCutByACrashIsAsIfItNeverHappened() throws Exception {
        StateStore s = store();
        StateFile f0 = fleet(10);
        s.save(f0);
        StateFile f1 = f0.update("s3", "2024-10-01T12:00:00", r -> r.toBuilder().restarts(5).build());
        s.save(f1);
        long good = Files.size(s.journalFile());
        StateFile f2 = f1.update("s4", "2024-10-01T12:00:00", r -> r.toBuilder().restarts(6).build());
        s.save(f2);
        byte[] all = Files.readAllBytes(s.journalFile());
        for (int cut = (int) good; cut < all.length; cut++) { // every prefix of the last frame
            Files.write(s.journalFile(), Arrays.copyOf(all, cut));
            StateStore.Loaded l = store().load(false);
            assertNull(l.problem(), "cut at " + cut);
            assertEquals(f1, l.state(), "cut at " + cut);
        }
        Files.write(s.journalFile(), all);
        assertEquals(f2, store().load(false).state());
    }

    @Test
    void aJournalOfAnotherStateJsonIsStaleAndIgnored() throws Exception {
        StateStore s = store();
        StateFile f = fleet(4);
        s.save(f);
        s.save(f.remove("s0", "2024-10-01T12:00:00"));
        byte[] journal = Files.readAllBytes(s.journalFile());
        StateFile other = fleet(2);
        store().save(other); // state.json rewritten whole (a new apply's first save)...
        Files.write(s.journalFile(), journal); // ...and the old journal's deletion lost in a crash
        assertEquals(other, store().load(false).state());
        assertEquals(other, store().load(true).state());
        assertFalse(Files.exists(s.journalFile()), "a repairing load deletes the stale journal");
    }

    @Test
    void damageBeforeTheLastFrameMovesTheStateAside() throws Exception {
        StateStore s = store();
        StateFile f = fleet(4);
        s.save(f);
        s.save(f = f.remove("s0", "2024-10-01T12:00:00"));
        s.save(f.remove("s1", "2024-10-01T12:00:00"));
        byte[] j = Files.readAllBytes(s.journalFile());
        int firstFrame = new String(j, java.nio.charset.StandardCharsets.US_ASCII).indexOf("\nF ") + 1;
        j[firstFrame + 40] ^= 0x20; // inside the first frame's documents: its CRC fails, a frame follows
        Files.write(s.journalFile(), j);
        StateStore.Loaded ro = store().load(false);
        assertNotNull(ro.problem());
        assertEquals(StateFile.empty(UID), ro.state());
        StateStore.Loaded rw = store().load(true);
        assertTrue(rw.problem().contains("journal") && rw.problem().contains("moved to state.json.corrupt-"), rw.problem());
        assertFalse(Files.exists(s.file()));
        assertFalse(Files.exists(s.journalFile()));
        assertTrue(Files.exists(s.uidDir().resolve("state.journal.corrupt-20250101T100000Z")));
    }

    @Test
    void aJournalWithoutItsStateJsonMeansNothing() throws Exception {
        StateStore s = store();
        StateFile f = fleet(3);
        s.save(f);
        s.save(f.remove("s0", "2024-10-01T12:00:00"));
        Files.delete(s.file()); // the state lost (deleted by hand)
        StateStore.Loaded l = store().load(true);
        assertEquals(StateFile.empty(UID), l.state());
        assertNull(l.problem());
        assertFalse(Files.exists(s.journalFile()));
    }

    @Test
    void aTornLastFrameLeftByAFailedWriteIsIgnored() throws Exception {
        StateStore s = store();
        StateFile f = fleet(3);
        s.save(f);
        s.save(f = f.remove("s0", "2024-10-01T12:00:00"));
        // a torn frame left by a failed write, as a full disk leaves it
        Files.write(s.journalFile(), "F 100 0 abc\n{".getBytes(), StandardOpenOption.APPEND);
        assertEquals(f, store().load(false).state(), "a torn last frame is ignored");
    }
}
