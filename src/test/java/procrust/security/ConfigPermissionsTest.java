package procrust.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import procrust.diag.Code;
import procrust.diag.Diagnostic;
import procrust.diag.Severity;

class ConfigPermissionsTest {

    @TempDir
    Path tmp;

    Path conf;
    int me;

    @BeforeEach
    void setUp() throws Exception {
        me = Owner.effectiveUid();
        conf = tmp.resolve("procrust.toml");
        Files.writeString(conf, "uid = \"x\"\n");
        Files.setPosixFilePermissions(conf, PosixFilePermissions.fromString("rw-r--r--"));
    }

    @Test
    void aFileOwnedByTheRunningUserAndWritableOnlyByItIsFine() throws Exception {
        assertEquals(List.of(), ConfigPermissions.problems(conf, me, Severity.ERROR));
    }

    @Test
    void writableByGroupOrOthersIsRefusedWithTheFix() throws Exception {
        Files.setPosixFilePermissions(conf, PosixFilePermissions.fromString("rw-rw-r--"));
        List<Diagnostic> g = ConfigPermissions.problems(conf, me, Severity.ERROR);
        assertEquals(1, g.size(), g::toString);
        assertEquals(Code.INSECURE_FILE, g.get(0).code());
        assertEquals(Severity.ERROR, g.get(0).severity());
        assertEquals(conf.toString(), g.get(0).file());
        assertTrue(g.get(0).message().contains("writable by its group (mode 0664)"), g::toString);
        assertTrue(g.get(0).message().contains("chmod go-w"), g::toString);

        Files.setPosixFilePermissions(conf, PosixFilePermissions.fromString("rw-r--rw-"));
        List<Diagnostic> o = ConfigPermissions.problems(conf, me, Severity.WARNING);
        assertEquals(1, o.size(), o::toString);
        assertEquals(Severity.WARNING, o.get(0).severity());
        assertTrue(o.get(0).message().contains("writable by others"), o::toString);
    }

    @Test
    void ownedByAnotherUserIsRefused() throws Exception {
        int other = me + 4242; // as if procrust ran as another user
        List<Diagnostic> d = ConfigPermissions.problems(conf, other, Severity.ERROR);
        assertTrue(d.stream().anyMatch(x -> x.message().contains("is owned by " + Owner.describe(me))), d::toString);
        assertTrue(d.stream().anyMatch(x -> x.message().contains("chown")), d::toString);
    }

    @Test
    void asRootAFileChownedToNobodyIsRefused() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(me == Owner.ROOT, "needs root to chown");
        Files.setAttribute(conf, "unix:uid", 65534);
        List<Diagnostic> d = ConfigPermissions.problems(conf, Owner.ROOT, Severity.ERROR);
        assertEquals(1, d.size(), d::toString);
        assertTrue(d.get(0).message().contains("not by root"), d::toString);
        assertEquals(d, ConfigPermissions.whenRoot(conf, Severity.ERROR));
    }

    @Test
    void aFolderAboveThatOthersCanWriteIsRefusedUnlessSticky() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("etc"));
        Path f = Files.copy(conf, dir.resolve("p.toml"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        List<Diagnostic> d = ConfigPermissions.problems(f, me, Severity.ERROR);
        assertEquals(1, d.size(), d::toString);
        assertTrue(d.get(0).message().contains("the folder " + dir + " above the config file is writable"), d::toString);

        Files.setAttribute(dir, "unix:mode", 01777); // like /tmp: others cannot replace our file
        assertEquals(List.of(), ConfigPermissions.problems(f, me, Severity.ERROR));
    }

    @Test
    void aLinkIsJudgedByWhereItPointsAndWhereItLies() throws Exception {
        Path open = Files.createDirectory(tmp.resolve("open"));
        Path target = Files.copy(conf, open.resolve("real.toml"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwx---"));
        Path link = Files.createSymbolicLink(tmp.resolve("link.toml"), target);
        List<Diagnostic> d = ConfigPermissions.problems(link, me, Severity.ERROR);
        assertEquals(1, d.size(), d::toString);
        assertTrue(d.get(0).message().contains(open.toString()), d::toString);
        assertEquals(link.toString(), d.get(0).file());
    }

    @Test
    void aMissingFileIsLeftToTheReader() throws Exception {
        assertEquals(List.of(), ConfigPermissions.problems(tmp.resolve("nope.toml"), me, Severity.ERROR));
    }
}
