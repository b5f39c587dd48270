package procrust.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of damaged state file is reported (naming the file and why), never hangs, never throws, and
 * is moved aside only when repairing: truncated, empty, garbage, a wrong format or uid, and things that
 * are not a state file at all (a folder, a FIFO, a symbolic link to a device, a huge file).
 */
class StateDamageTest {

    static final String UID = "550e8400-e29b-41d4-a716-446655440000";

    @TempDir
    Path tmp;
    Path dir;
    StateStore store;

    @BeforeEach
    void setUp() throws Exception {
        dir = tmp.resolve(UID);
        StateStore.ensureDir(dir);
        store = new StateStore(dir, UID, Clock.systemUTC());
    }

    private String problem() {
        StateStore.Loaded l = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> store.load(false),
                "load hangs");
        assertNotNull(l.problem(), "damage not reported");
        assertTrue(l.state().instances().isEmpty());
        assertTrue(l.problem().contains(store.file().toString()), l.problem());
        return l.problem();
    }

    private void movedAsideWhenRepairing() throws Exception {
        StateStore.Loaded l = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> store.load(true));
        assertNotNull(l.problem());
        assertTrue(l.problem().contains("moved to state.json.corrupt-"), l.problem());
        assertFalse(Files.exists(store.file(), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.filter(p -> p.getFileName().toString().startsWith("state.json.corrupt-")).count());
        }
        assertEquals(null, store.load(true).problem(), "a fresh start after the repair");
    }

    private String valid() throws Exception {
        store.save(StateFile.empty(UID).put(InstanceRecord.fresh("web", "2024-10-01T12:00:00", "normal",
                java.time.Instant.parse("2025-01-01T00:00:00Z"))));
        return Files.readString(store.file());
    }

    @Test
    void truncated() throws Exception {
        String text = valid();
        Files.writeString(store.file(), text.substring(0, text.length() / 2));
        assertTrue(problem().contains("not a valid state file"));
        movedAsideWhenRepairing();
    }

    @Test
    void empty() throws Exception {
        Files.write(store.file(), new byte[0]);
        problem();
        movedAsideWhenRepairing();
    }

    @Test
    void garbage() throws Exception {
        byte[] junk = new byte[4096];
        new Random(7).nextBytes(junk);
        Files.write(store.file(), junk);
        problem();
        movedAsideWhenRepairing();
    }

    @Test
    void wrongFormatVersion() throws Exception {
        Files.writeString(store.file(), valid().replace("\"format\":1", "\"format\":99").replace("\"format\" : 1", "\"format\" : 99"));
        assertTrue(problem().contains("format 99"), store.load(false).problem());
        movedAsideWhenRepairing();
    }

    @Test
    void aFolderInsteadOfTheFile() throws Exception {
        Files.createDirectory(store.file());
        assertTrue(problem().contains("not a regular file"));
        movedAsideWhenRepairing();
    }

    @Test
    void aFifoInsteadOfTheFileDoesNotHang() throws Exception {
        assertEquals(0, new ProcessBuilder("mkfifo", store.file().toString()).start().waitFor());
        assertTrue(problem().contains("not a regular file"));
        movedAsideWhenRepairing();
    }

    @Test
    void aSymbolicLinkToADeviceIsNotFollowed() throws Exception {
        Files.createSymbolicLink(store.file(), Path.of("/dev/zero"));
        assertTrue(problem().contains("symbolic link"));
        movedAsideWhenRepairing();
        assertTrue(Files.exists(Path.of("/dev/zero")));
    }

    @Test
    void aHugeFileIsRefusedWithoutReadingIt() throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(store.file().toFile(), "rw")) {
            f.setLength(2L * 1024 * 1024 * 1024); // sparse: no disk used
        }
        assertTrue(problem().contains("too large"));
        movedAsideWhenRepairing();
    }

    @Test
    void nulBytesAndInvalidUtf8() throws Exception {
        Files.write(store.file(), ("{\"format\":1,\"uid\":\"" + UID + "\u0000\"}").getBytes(StandardCharsets.UTF_8));
        problem();
        Files.write(store.file(), new byte[] {'{', (byte) 0xff, (byte) 0xfe, '}'});
        problem();
    }
}
