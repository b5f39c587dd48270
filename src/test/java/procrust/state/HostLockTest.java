package procrust.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host-wide lock: one apply per uid, whatever its state dir, and who holds it. */
class HostLockTest {

    @TempDir
    Path tmp;

    private final long me = ProcessHandle.current().pid();

    @Test
    void theSecondAttemptNamesTheFirstOnesPidAndStateDir() throws Exception {
        Path dir = tmp.resolve("run");
        String uid = UUID.randomUUID().toString();
        HostLock.Info info = new HostLock.Info(me, uid, tmp.resolve("state-a"), tmp.resolve("p.toml"), tmp.resolve("logs"));
        HostLock.Attempt first = HostLock.tryAcquire(dir, info);
        assertTrue(first.acquired());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(uid + ".lock"))));
        // reading the file from this JVM would close a descriptor of it, which drops the JVM's POSIX locks
        // on it: what the kernel says of another holder is looked at below
        first.lock().close();
        assertTrue(HostLock.holder(dir, uid).isEmpty(), "released");
        // another process holds it (a POSIX lock, as an apply's): the attempt names it from its record
        Path f = dir.resolve(uid + ".lock");
        Process holder = new ProcessBuilder("python3", "-c", "import fcntl,sys,time\n"
                + "f=open(sys.argv[1],'r+'); fcntl.lockf(f, fcntl.LOCK_EX); print('locked', flush=True); time.sleep(60)",
                f.toString()).redirectErrorStream(true).start();
        try {
            assertEquals("locked", new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream())).readLine());
            HostLock.Info theirs = new HostLock.Info(holder.pid(), uid, tmp.resolve("state-a"), null, null);
            Files.write(f, HostLock.write(theirs));
            HostLock.Attempt second = HostLock.tryAcquire(dir, new HostLock.Info(me, uid, tmp.resolve("state-b"), null, null));
            assertFalse(second.acquired());
            assertEquals(theirs, second.holder());
            assertEquals(java.util.List.of(theirs), HostLock.running(dir));
            assertTrue(HostLock.tryAcquire(dir, new HostLock.Info(me, UUID.randomUUID().toString(), null, null, null))
                    .acquired(), "another uid is not excluded");
        } finally {
            holder.destroyForcibly().waitFor();
        }
        assertTrue(HostLock.tryAcquire(dir, info).acquired(), "the kernel dropped the lock with its holder");
    }

    @Test
    void theFolderFollowsTheUserAndTheRuntimeDir() throws IOException {
        assertEquals(Path.of("/run/procrust"), HostLock.dir(Map.of("XDG_RUNTIME_DIR", tmp.toString()), true, 0));
        assertEquals(tmp.resolve("procrust"), HostLock.dir(Map.of("XDG_RUNTIME_DIR", tmp.toString()), false, 1000));
        Path fallback = HostLock.dir(Map.of("XDG_RUNTIME_DIR", "relative"), false, 1000);
        assertEquals("procrust-1000", fallback.getFileName().toString());
    }

    @Test
    void aLinkInPlaceOfTheFolderIsRefused() throws IOException {
        Path target = Files.createDirectory(tmp.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(tmp.resolve("run"), target);
        IOException e = assertThrows(IOException.class, () -> HostLock.tryAcquire(link,
                new HostLock.Info(me, UUID.randomUUID().toString(), null, null, null)));
        assertTrue(e.getMessage().contains("not a folder"), e.getMessage());
    }

    @Test
    void aTornRecordIsNotTakenForOne() throws IOException {
        Path f = Files.writeString(tmp.resolve("x.lock"), "{\"pid\": 12");
        assertNull(HostLock.read(f));
        HostLock.Info i = new HostLock.Info(7, "u", Path.of("/s"), null, Path.of("/l"));
        Files.write(f, HostLock.write(i));
        assertEquals(i, HostLock.read(f));
    }
}
