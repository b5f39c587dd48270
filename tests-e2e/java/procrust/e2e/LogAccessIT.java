package procrust.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static procrust.e2e.Host.await;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Who may read the services' logs: a log folder the operator named keeps its mode, {@code log_group}
 * makes the logs (and their rotated copies) 0640 in that group, and {@code log_keep = N} keeps
 * {@code x.log.1} to {@code x.log.N} (issue 19).
 */
class LogAccessIT {

    private static String primaryGroup() throws Exception {
        Process p = new ProcessBuilder("id", "-gn").start();
        String g = new String(p.getInputStream().readAllBytes()).trim();
        p.waitFor();
        return g;
    }

    private static PosixFileAttributes attrs(Path p) throws Exception {
        return Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    @Test
    void logGroupMakesTheLogsAndTheirRotationsReadableByTheGroupInANamedFolder() throws Exception {
        String group = primaryGroup(); // one procrust may give its files to without root
        try (Host h = new Host()) {
            Path logs = h.dir.resolve("var-log");
            Files.createDirectory(logs);
            Files.setPosixFilePermissions(logs, PosixFilePermissions.fromString("rwxr-x---"));
            h.write("log_group = \"" + group + "\"\nlog_max_size = \"2KiB\"\nlog_keep = 2\n\n" + """
                    [[process]]
                    id = "chatty"
                    command = "while :; do echo 'a line of about fifty bytes, written again and again'; sleep 0.01; done"
                    apply_on = "2024-10-01T12:00:00"
                    """);
            Host.Apply ap = h.apply("--log-dir", logs.toString());
            Path log = logs.resolve("chatty.log");
            await(Duration.ofSeconds(60), "chatty.log.2 made by rotation", () -> Files.exists(logs.resolve("chatty.log.2")));
            // keep for a few more rotations: never a third old file
            Path second = logs.resolve("chatty.log.2");
            long firstSeen = Files.getLastModifiedTime(second).toMillis();
            await(Duration.ofSeconds(60), "more rotations", Host.io(() -> Files.getLastModifiedTime(second).toMillis()
                    > firstSeen + 1500));
            assertFalse(Files.exists(logs.resolve("chatty.log.3")), "log_keep = 2 keeps .1 and .2 only");

            assertEquals("rwxr-x---", PosixFilePermissions.toString(attrs(logs).permissions()),
                    "a folder the operator named keeps its mode");
            for (Path p : List.of(log, logs.resolve("chatty.log.1"), second)) {
                PosixFileAttributes a = attrs(p);
                assertEquals("rw-r-----", PosixFilePermissions.toString(a.permissions()), p.toString());
                assertEquals(group, a.group().getName(), p.toString());
            }
            assertFalse(ap.log().contains("log-group"), ap::log);
        }
    }

    @Test
    void logGroupWithAFolderTheGroupCannotEnterIsReported() throws Exception {
        String group = primaryGroup();
        try (Host h = new Host()) {
            h.write("log_group = \"" + group + "\"\n\n" + """
                    [[process]]
                    id = "web"
                    command = "exec sleep 300"
                    apply_on = "2024-10-01T12:00:00"
                    """);
            Host.Apply ap = h.apply();
            HoldIT.allRunning(h, "web");
            await(Duration.ofSeconds(10), "the warning", () -> ap.log().contains("log-group"));
            assertTrue(ap.log().contains("--log-dir"), ap::log);
            // the default folder stays private (0700), and so does the state beside it
            assertEquals("rwx------", PosixFilePermissions.toString(attrs(h.uidDir().resolve("logs")).permissions()));
            assertEquals("rw-r-----", PosixFilePermissions.toString(attrs(h.log("web")).permissions()));
        }
    }

    @Test
    void withoutLogGroupTheLogsStayPrivate() throws Exception {
        try (Host h = new Host()) {
            h.write("""
                    [[process]]
                    id = "web"
                    command = "exec sleep 300"
                    apply_on = "2024-10-01T12:00:00"
                    """);
            h.apply();
            HoldIT.allRunning(h, "web");
            assertEquals("rw-------", PosixFilePermissions.toString(attrs(h.log("web")).permissions()));
        }
    }
}
