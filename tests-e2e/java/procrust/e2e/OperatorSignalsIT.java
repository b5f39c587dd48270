package procrust.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static procrust.e2e.Host.await;
import static procrust.e2e.Host.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an operator used to systemd and supervisord expects of a running apply (issue 19): SIGHUP
 * re-reads the file and apply keeps running; a fixed file is said to be accepted again; each
 * service's log marks its starts and ends; a command that goes to the background is told to stay in
 * the foreground; ps shows apply as procrust.
 */
class OperatorSignalsIT {

    private static final String ONE = """
            [[process]]
            id = "web"
            command = "echo serving; exec sleep 300"
            apply_on = "2024-10-01T12:00:00"
            """;

    private static void signal(String sig, long pid) throws Exception {
        new ProcessBuilder("kill", "-" + sig, "" + pid).inheritIO().start().waitFor();
    }

    @Test
    void sighupReReadsTheFileAndApplyKeepsRunning() throws Exception {
        try (Host h = new Host()) {
            h.write(ONE);
            Host.Apply ap = h.apply();
            HoldIT.allRunning(h, "web");
            long web = h.pidOf("web");
            // an edit apply would see anyway; HUP must not end apply, and must (re)read the file
            signal("HUP", ap.pid());
            await(Duration.ofSeconds(20), "the SIGHUP logged", () -> ap.log().contains("SIGHUP received"));
            await(Duration.ofSeconds(20), "nothing new in the file said", () -> ap.log().contains("file-unchanged"));
            assertTrue(ap.process().isAlive(), ap::log);

            // a file written without apply noticing it (its watcher sees the folder: a new version is
            // written here, then HUP asks for it at once; either way the second one is running)
            h.write(ONE + """

                    [[process]]
                    id = "worker"
                    command = "exec sleep 301"
                    apply_on = "2024-10-01T12:00:00"
                    """);
            signal("HUP", ap.pid());
            HoldIT.allRunning(h, "web", "worker");
            assertEquals(web, h.pidOf("web"), "web is left alone");
            assertTrue(ap.process().isAlive(), ap::log);

            // SIGTERM still ends it, with the services left running
            signal("TERM", ap.pid());
            assertTrue(ap.process().waitFor(20, java.util.concurrent.TimeUnit.SECONDS), ap::log);
            assertEquals(0, ap.process().exitValue(), ap::log);
            assertTrue(Host.alive(web));
        }
    }

    @Test
    void aFixedFileIsSaidToBeAcceptedAgain() throws Exception {
        try (Host h = new Host()) {
            h.write(ONE);
            Host.Apply ap = h.apply();
            HoldIT.allRunning(h, "web");
            h.write(ONE + "\n[[process]]\nid = \"broken\"\n");
            await(Duration.ofSeconds(20), "the broken file rejected", () -> ap.log().contains("file-rejected"));
            h.write(ONE);
            await(Duration.ofSeconds(20), "the fixed file accepted", () -> ap.log().contains("file-accepted"));
            String accepted = ap.log().lines().filter(l -> l.contains("file-accepted")).findFirst().orElseThrow();
            assertTrue(accepted.contains("valid again"), accepted);
        }
    }

    @Test
    void eachStartAndEndIsMarkedInTheServiceLog() throws Exception {
        try (Host h = new Host()) {
            h.write("""
                    [[process]]
                    id = "blip"
                    command = "echo working; sleep 2; exit 3"
                    apply_on = "2024-10-01T12:00:00"
                    restart = { delay = "0s", max_attempts = 5 }
                    """);
            Host.Apply ap = h.apply();
            Path log = h.log("blip");
            await(Duration.ofSeconds(40), "two runs of blip", io(() -> Files.exists(log)
                    && Files.readString(log).split("started pid", -1).length >= 3));
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            int started = indexOf(lines, "started pid");
            int exited = indexOf(lines, "exited with status 3");
            assertTrue(started >= 0 && exited > started, String.join("\n", lines));
            assertTrue(lines.get(started).matches("procrust: \\S+ started pid \\d+ \\(version 2024-10-01T12:00:00\\)"),
                    lines.get(started));
            assertEquals("working", lines.get(started + 1), "the marker comes before the service's own output");
            assertTrue(lines.get(exited).startsWith("procrust: "), lines.get(exited));
        }
    }

    @Test
    void aCommandThatGoesToTheBackgroundIsToldToStayInTheForeground() throws Exception {
        try (Host h = new Host()) {
            // the classic daemon: fork a child into its own session, and exit 0 at once
            h.write("""
                    [[process]]
                    id = "daemon"
                    command = "setsid sleep 30 < /dev/null > /dev/null 2>&1 & exit 0"
                    apply_on = "2024-10-01T12:00:00"
                    restart = { max_attempts = 1 }
                    """);
            Procrust.Result once = h.run("apply", "--once");
            assertEquals(1, once.exit(), once::toString);
            assertTrue(once.err().contains("procrust needs it in the foreground"), once::toString);
            assertTrue(h.status().toString().contains("in the foreground"), () -> {
                try {
                    return h.status().toString();
                } catch (Exception e) {
                    return e.toString();
                }
            });
        }
    }

    @Test
    void psShowsApplyAsProcrust() throws Exception {
        try (Host h = new Host()) {
            h.write(ONE);
            Host.Apply ap = h.apply();
            HoldIT.allRunning(h, "web");
            String comm = Files.readString(Path.of("/proc/" + ap.pid() + "/comm")).trim();
            String argv0 = Files.readString(Path.of("/proc/" + ap.pid() + "/cmdline")).split("\0")[0];
            assertEquals("procrust", comm);
            assertEquals("procrust", argv0);
        }
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }
}
