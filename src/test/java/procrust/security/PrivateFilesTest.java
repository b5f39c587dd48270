package procrust.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import procrust.diag.Code;
import procrust.diag.Diagnostic;

class PrivateFilesTest {

    @TempDir
    Path tmp;

    final int me = Owner.effectiveUid();

    static String mode(Path p) throws Exception {
        return ConfigPermissions.octal(Owner.modeOf(p));
    }

    @Test
    void missingFoldersAreCreated0700WithTheirParents() throws Exception {
        Path d = tmp.resolve("a/b/c");
        assertEquals(Optional.empty(), PrivateFiles.ensureDir(d, me, true));
        assertEquals("0700", mode(d));
        assertEquals("0700", mode(tmp.resolve("a/b")));
        assertEquals("0700", mode(tmp.resolve("a")));
    }

    @Test
    void procrustsOwnFoldersAreTightenedTheUsersAreOnlyJudged() throws Exception {
        Path ours = Files.createDirectory(tmp.resolve("ours"));
        Files.setPosixFilePermissions(ours, PosixFilePermissions.fromString("rwxrwxr-x"));
        assertEquals(Optional.empty(), PrivateFiles.ensureDir(ours, me, true));
        assertEquals("0700", mode(ours));

        Path users = Files.createDirectory(tmp.resolve("users"));
        Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals(Optional.empty(), PrivateFiles.ensureDir(users, me, false));
        assertEquals("0755", mode(users), "a folder the user named keeps its mode");

        Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rwxrwxrwx"));
        Diagnostic d = PrivateFiles.ensureDir(users, me, false).orElseThrow();
        assertEquals(Code.INSECURE_FILE, d.code());
        assertTrue(d.message().contains("writable by group or others"), d::toString);
    }

    @Test
    void aSymbolicLinkIsRefused() throws Exception {
        Path real = Files.createDirectory(tmp.resolve("real"));
        Path link = Files.createSymbolicLink(tmp.resolve("state"), real);
        Diagnostic d = PrivateFiles.ensureDir(link, me, true).orElseThrow();
        assertTrue(d.message().contains("is a symbolic link"), d::toString);
        assertEquals(link.toString(), d.file());
    }

    @Test
    void aFolderOfAnotherUserIsRefused() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("theirs"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        int other;
        if (me == Owner.ROOT) {
            Files.setAttribute(dir, "unix:uid", 65534);
            other = me;
        } else {
            other = me + 4242; // as if procrust ran as someone else
        }
        Diagnostic d = PrivateFiles.ensureDir(dir, other, true).orElseThrow();
        assertTrue(d.message().contains("belongs to"), d::toString);
        assertEquals("0755", mode(dir), "a refused folder is left as it was");
    }

    @Test
    void filesAre0600AndLinksAreNeverFollowed() throws Exception {
        Path f = tmp.resolve("web.log");
        assertEquals(Optional.empty(), PrivateFiles.ensureFile(f, me));
        assertEquals("0600", mode(f));

        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(Optional.empty(), PrivateFiles.ensureFile(f, me));
        assertEquals("0600", mode(f));

        Path victim = Files.writeString(tmp.resolve("victim"), "keep");
        Files.setPosixFilePermissions(victim, PosixFilePermissions.fromString("rw-r--r--"));
        Path planted = Files.createSymbolicLink(tmp.resolve("db.log"), victim);
        Diagnostic d = PrivateFiles.ensureFile(planted, me).orElseThrow();
        assertTrue(d.message().contains("not a regular file"), d::toString);
        assertEquals("0644", mode(victim), "the link's target is left alone");
    }

    @Test
    void tempFilesArePrivate() throws Exception {
        Path t = PrivateFiles.createTempFile(tmp, "state", ".tmp");
        assertEquals("0600", mode(t));
    }

    /** Runs {@link UmaskProbe} in a JVM started under a hostile umask: the modes must not change. */
    @Test
    void modesHoldWhateverTheUmask() throws Exception {
        Path dir = tmp.resolve("x/state");
        Path file = tmp.resolve("x/state/f.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", "umask 0277; exec \"$0\" \"$@\"",
                java, "-cp", System.getProperty("java.class.path"), UmaskProbe.class.getName(),
                dir.toString(), file.toString());
        pb.redirectErrorStream(true).redirectOutput(tmp.resolve("out.txt").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        try {
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "probe did not finish");
        } finally {
            p.destroyForcibly();
        }
        assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("out.txt")));
        assertEquals("0700", mode(dir));
        assertEquals("0700", mode(tmp.resolve("x")));
        assertEquals("0600", mode(file));
        assertEquals(List.of("0600"), List.of(mode(Files.list(dir).filter(p2 -> p2.toString().endsWith(".tmp"))
                .findFirst().orElseThrow())));
    }

    /** Entry point of the probe JVM. */
    public static final class UmaskProbe {
        public static void main(String[] args) throws Exception {
            int euid = Owner.effectiveUid();
            if (PrivateFiles.ensureDir(Path.of(args[0]), euid, true).isPresent()
                    || PrivateFiles.ensureFile(Path.of(args[1]), euid).isPresent()) {
                System.exit(3);
            }
            PrivateFiles.createTempFile(Path.of(args[0]), "t", ".tmp");
        }
    }
}
