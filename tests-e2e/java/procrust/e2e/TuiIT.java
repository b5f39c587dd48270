package procrust.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code procrust tui} driven like an operator would, inside tmux (80x24), against a real apply with
 * its own state folder: the screen shows the processes, {@code s} then {@code y} stops and holds one
 * (its process really ends, the screen says HELD), {@code S} then {@code y} starts it again, the screen
 * follows a resize, and {@code q} exits 0 leaving apply and services as they were. Every process
 * started here (apply, its services, tmux and the TUI) is ended by pid or process group in the end.
 */
class TuiIT {

    private static final Duration UP = Duration.ofSeconds(90);
    private static final Duration SOON = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void withoutATerminalItSaysSoAndExits2() throws Exception {
        String uid = UUID.randomUUID().toString();
        Path cfg = writeConfig(uid);
        Procrust.Result r = Procrust.run(dir, Map.of("TERM", "xterm"), Duration.ofSeconds(60), "tui", "-c", cfg.toString(),
                "--state-dir", dir.resolve("state").toString());
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("tui needs an interactive terminal"), r::toString);
        assertTrue(!r.err().contains("Exception"), r::toString);
        Procrust.Result top = Procrust.run(dir, Map.of(), Duration.ofSeconds(60), "top", "-c", cfg.toString());
        assertEquals(2, top.exit(), "`top` is the same command: " + top);
    }

    @Test
    void anOperatorWatchesHoldsReleasesAndQuits() throws Exception {
        String uid = UUID.randomUUID().toString();
        Path cfg = writeConfig(uid);
        Path state = dir.resolve("state");
        Path exitFile = dir.resolve("tui.exit");
        Process apply = null;
        Tmux tmux = null;
        try {
            apply = new ProcessBuilder(Procrust.launcher().toString(), "apply", "-c", cfg.toString(),
                    "--state-dir", state.toString())
                    .directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(dir.resolve("apply.out").toFile())
                    .redirectError(dir.resolve("apply.err").toFile())
                    .start();
            String cmd = "'" + Procrust.launcher() + "' tui -c '" + cfg + "' --state-dir '" + state + "' 2> '"
                    + dir.resolve("tui.err") + "'; echo $? > '" + exitFile + "'";
            tmux = new Tmux(cmd, 80, 24);
            long applyPid = apply.pid();
            String s = tmux.await("both processes RUNNING under apply " + applyPid, UP, screen ->
                    screen.contains("apply running (pid " + applyPid + ")")
                            && row(screen, "web").contains("RUNNING") && row(screen, "worker").contains("RUNNING"), this::context);
            assertTrue(s.startsWith("procrust tui  " + cfg), s);
            assertTrue(s.lines().anyMatch(l -> l.startsWith("  ID ") && l.contains("STATE") && l.contains("PID")), s);
            assertTrue(row(s, "web").startsWith("> web"), "the first row is selected:\n" + s);
            long workerPid = pidOn(row(s, "worker"));
            long webPid = pidOn(row(s, "web"));
            assertTrue(ProcessHandle.of(workerPid).map(ProcessHandle::isAlive).orElse(false));

            tmux.send("j");
            tmux.await("worker selected", SOON, screen -> row(screen, "worker").startsWith("> worker"), this::context);
            tmux.send("s");
            tmux.await("the question", SOON, screen -> screen.contains("stop worker and hold it stopped? (y/n)"), this::context);
            assertTrue(ProcessHandle.of(workerPid).map(ProcessHandle::isAlive).orElse(false), "nothing before y");
            tmux.send("y");
            s = tmux.await("worker HELD", SOON, screen -> row(screen, "worker").contains("HELD")
                    && screen.contains("worker is stopped and held"), this::context);
            assertTrue(waitGone(workerPid), "the held process's pid " + workerPid + " still runs");
            assertTrue(row(s, "web").contains("RUNNING"), s);
            assertTrue(s.lines().skip(2).findFirst().orElse("").contains("HELD 1"), "counts:\n" + s);
            String coloured = tmux.screenWithEscapes();
            assertTrue(Pattern.compile("\u001b\\[[0-9;]*35[0-9;]*mHELD").matcher(coloured).find(),
                    "HELD is magenta:\n" + coloured.replace("\u001b", "^["));

            tmux.resize(100, 30);
            s = tmux.await("the screen redrawn at 100x30", SOON, screen -> {
                String[] lines = screen.split("\n", -1);
                return lines.length >= 30 && lines[29].startsWith("j/k move") && lines[0].length() == 100;
            }, this::context);
            assertTrue(row(s, "worker").contains("HELD"), s);

            tmux.send("S");
            tmux.await("the release question", SOON, screen -> screen.contains("release the hold on worker"), this::context);
            tmux.send("y");
            s = tmux.await("worker RUNNING again", SOON, screen -> row(screen, "worker").contains("RUNNING")
                    && pidOn(row(screen, "worker")) > 0 && screen.contains("worker is released"), this::context);
            long newWorker = pidOn(row(s, "worker"));
            assertTrue(newWorker != workerPid, s);

            tmux.send("q");
            Instant end = Instant.now().plus(SOON);
            while (!Files.exists(exitFile) && Instant.now().isBefore(end)) {
                Thread.sleep(100);
            }
            assertTrue(Files.exists(exitFile), this::context);
            Thread.sleep(200); // the shell writes the status after creating the file
            assertEquals("0", Files.readString(exitFile).trim());
            assertTrue(apply.isAlive(), "quitting the TUI leaves apply running");
            assertTrue(ProcessHandle.of(webPid).map(ProcessHandle::isAlive).orElse(false), "and web");
            assertTrue(ProcessHandle.of(newWorker).map(ProcessHandle::isAlive).orElse(false), "and worker");
        } finally {
            if (tmux != null) {
                tmux.close();
            }
            Cleanup.stop(apply, 5000);
            Cleanup.killServicesOf(uid);
        }
        assertEquals(0, Cleanup.pidsOfUid(uid).size(), "a service of this test survived the cleanup");
    }

    /** What the TUI and apply wrote on stderr, for failure messages. */
    private String context() {
        StringBuilder sb = new StringBuilder();
        for (String f : new String[] {"tui.err", "apply.err", "tui.exit"}) {
            try {
                sb.append("--- ").append(f).append(" ---\n").append(Files.readString(dir.resolve(f))).append('\n');
            } catch (java.io.IOException e) {
                sb.append("--- ").append(f).append(": none\n");
            }
        }
        return sb.toString();
    }

    private Path writeConfig(String uid) throws Exception {
        Path cfg = dir.resolve("procrust.toml");
        Files.writeString(cfg, """
                uid = "%s"
                file_format = "0"

                [[process]]
                id = "web"
                command = "while true; do echo web tick; sleep 1; done"
                apply_on = "2024-01-01T00:00:00"

                [[process]]
                id = "worker"
                command = "sleep 600"
                apply_on = "2024-01-01T00:00:00"
                depends_on = ["web"]
                stop_timeout = "5s"
                """.formatted(uid));
        return cfg;
    }

    /** The table row of {@code id} (marker included), or "" when the screen has none. */
    private static String row(String screen, String id) {
        Pattern p = Pattern.compile("^[> ] " + Pattern.quote(id) + " .*$", Pattern.MULTILINE);
        Matcher m = p.matcher(screen);
        return m.find() ? m.group() : "";
    }

    /** The pid column of a RUNNING row (the number after the state), or -1. */
    private static long pidOn(String row) {
        Matcher m = Pattern.compile("RUNNING\\s+(\\d+)\\s").matcher(row);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static boolean waitGone(long pid) throws InterruptedException {
        Instant end = Instant.now().plus(SOON);
        while (Instant.now().isBefore(end)) {
            if (ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
