package procrust.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * As root, a config that others can change is reported by the read-only commands (check) with the
 * fix; the commands that run processes refuse it (tested with apply once it exists).
 */
class ConfigPermissionsIT {

    @TempDir
    Path tmp;

    Path conf;

    static final String SVC = """
            [[process]]
            id = "svc"
            command = "exec sleep 300"
            apply_on = "2024-10-01T12:00:00"
            """;

    @BeforeEach
    void setUp() throws Exception {
        Assumptions.assumeTrue(procrust.security.Owner.effectiveUid() == 0, "these checks apply as root only");
        conf = Files.writeString(tmp.resolve("procrust.toml"), """
                uid = "0d9e7c1a-3b2f-4e6d-8a5c-1f0b9e8d7c6a"
                file_format = "0"

                [[process]]
                id = "web"
                command = "sleep 100"
                apply_on = "2024-10-01T12:00:00"
                """);
        Files.setPosixFilePermissions(conf, PosixFilePermissions.fromString("rw-r--r--"));
    }

    Procrust.Result check(String... more) throws Exception {
        String[] args = new String[more.length + 3];
        args[0] = "check";
        args[1] = "-c";
        args[2] = conf.toString();
        System.arraycopy(more, 0, args, 3, more.length);
        return Procrust.run(tmp, Map.of(), Duration.ofSeconds(60), args);
    }

    @Test
    void aPrivateRootFileIsClean() throws Exception {
        Procrust.Result r = check();
        assertEquals(0, r.exit(), r::toString);
        assertTrue(!r.out().contains("insecure-file"), r::toString);
    }

    @Test
    void aGroupWritableFileIsReportedWithItsFix() throws Exception {
        Files.setPosixFilePermissions(conf, PosixFilePermissions.fromString("rw-rw-r--"));
        Procrust.Result r = check();
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("warning[insecure-file]"), r::toString);
        assertTrue(r.out().contains("chmod go-w " + conf.toRealPath()), r::toString);
        assertTrue(r.out().contains("apply, start, stop and restart refuse such a file"), r::toString);
    }

    @Test
    void aFileOfAnotherUserIsReported() throws Exception {
        Files.setAttribute(conf, "unix:uid", 65534);
        Procrust.Result r = check("--output", "json");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("\"code\":\"insecure-file\""), r::toString);
        assertTrue(r.out().contains("chown root"), r::toString);
    }

    @Test
    void applyAndStopRefuseAFileOthersCanChangeAndStartNothing() throws Exception {
        try (Host h = new Host()) {
            h.write(SVC);
            Files.setPosixFilePermissions(h.config, PosixFilePermissions.fromString("rw-rw-r--"));
            Procrust.Result r = h.run("apply", "--once");
            assertEquals(1, r.exit(), r::toString);
            assertTrue(r.err().contains("error[insecure-file]") && r.err().contains("chmod go-w"), r::toString);
            // one message everywhere (issue 19): the same sentence, and the refusal names the problem
            String sentence = r.err().lines().filter(l -> l.contains("error[insecure-file]")).findFirst().orElseThrow()
                    .replaceFirst("^.*error\\[insecure-file\\]: ", "");
            assertTrue(r.err().contains("is unsafe (others could change it, see above): nothing was changed"),
                    r::toString);
            assertEquals(java.util.List.of(), h.processesOf("svc"), "nothing started");
            Procrust.Result stop = h.run("stop", "svc");
            assertEquals(1, stop.exit(), stop::toString);
            assertTrue(stop.err().contains("is unsafe (others could change it, see above): nothing was done"),
                    stop::toString);
            assertTrue(stop.err().contains("error[insecure-file]: " + sentence), stop::toString);
            for (String cmd : java.util.List.of("check", "plan", "status")) {
                Procrust.Result ro = h.run(cmd);
                assertTrue((ro.out() + ro.err()).contains("warning[insecure-file]: " + sentence), ro::toString);
            }
        }
    }

    @Test
    void aStateFolderThatIsALinkOrAnotherUsersIsRefused() throws Exception {
        try (Host h = new Host()) {
            h.write(SVC);
            Path real = Files.createDirectories(h.dir.resolve("real-state"));
            Files.createSymbolicLink(h.stateDir, real);
            Procrust.Result link = h.run("apply", "--once");
            assertEquals(1, link.exit(), link::toString);
            assertTrue(link.err().contains("is a symbolic link"), link::toString);
            assertEquals(java.util.List.of(), h.processesOf("svc"));

            Files.delete(h.stateDir);
            Files.createDirectory(h.stateDir);
            Files.setAttribute(h.stateDir, "unix:uid", 65534);
            Procrust.Result other = h.run("apply", "--once");
            assertEquals(1, other.exit(), other::toString);
            assertTrue(other.err().contains("belongs to 65534"), other::toString);
            assertEquals(java.util.List.of(), h.processesOf("svc"));

            Files.setAttribute(h.stateDir, "unix:uid", 0);
            Procrust.Result ok = h.run("apply", "--once");
            assertEquals(0, ok.exit(), ok::toString);
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(h.uidDir())));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(h.uidDir().resolve("logs"))));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(h.log("svc"))));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(h.uidDir().resolve("state.json"))));
        }
    }
}
