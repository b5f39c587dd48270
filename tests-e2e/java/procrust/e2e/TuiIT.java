package procrust.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code procrust tui} driven like an operator would, inside tmux (80x24), against a real apply with
 * its own state folder: the screen shows the processes, {@code s} then {@code y} stops and holds one
 * (its process really ends, the screen says HELD), {@code S} then {@code y} starts it again, the screen
 * follows a resize, and {@code q} exits 0 leaving apply and services as they were. Every process
 * started here (tmux and the TUI by {@link Tmux}, apply and its services by {@link Host}) is ended by
 * pid or process group in the end.
 */
class TuiIT {

    private static final Duration UP = Duration.ofSeconds(90);
    private static final Duration SOON = Duration.ofSeconds(30);
    private static final String BODY = """
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
            """;

    @Test
    void withoutATerminalItSaysSoAndExits2() throws Exception {
        try (Host h = new Host()) {
            h.write(BODY);
            Procrust.Result r = Procrust.run(h.dir, Map.of("TERM", "xterm"), Duration.ofSeconds(60), "tui",
                    "-c", h.config.toString(), "--state-dir", h.stateDir.toString());
            assertEquals(2, r.exit(), r::toString);
            assertTrue(r.err().contains("tui needs an interactive terminal"), r::toString);
            assertTrue(!r.err().contains("Exception"), r::toString);
            Procrust.Result top = Procrust.run(h.dir, Map.of(), Duration.ofSeconds(60), "top", "-c", h.config.toString());
            assertEquals(2, top.exit(), "`top` is the same command: " + top);
            assertTrue(!Files.exists(h.stateDir), "nothing was written");
        }
    }

    @Test
    void anOperatorWatchesHoldsReleasesAndQuits() throws Exception {
        try (Host h = new Host()) {
            h.write(BODY);
            Host.Apply apply = h.apply();
            Path exitFile = h.dir.resolve("tui.exit");
            Path tuiErr = h.dir.resolve("tui.err");
            String cmd = "'" + Procrust.launcher() + "' tui -c '" + h.config + "' --state-dir '" + h.stateDir + "' 2> '"
                    + tuiErr + "'; echo $? > '" + exitFile + "'";
            try (Tmux tmux = new Tmux(cmd, 80, 24)) {
                h.own(tmux.panePid());
                java.util.function.Supplier<String> context = () -> "--- apply ---\n" + apply.log() + "--- tui stderr ---\n"
                        + read(tuiErr) + "--- tui exit ---\n" + read(exitFile);
                long applyPid = apply.pid();
                String s = tmux.await("both processes RUNNING under apply " + applyPid, UP, screen ->
                        screen.contains("apply running (pid " + applyPid + ")")
                                && row(screen, "web").contains("RUNNING") && row(screen, "worker").contains("RUNNING"),
                        context);
                assertTrue(s.startsWith("procrust tui  " + h.config), s);
                assertTrue(s.lines().anyMatch(l -> l.startsWith("  ID ") && l.contains("STATE") && l.contains("PID")), s);
                assertTrue(row(s, "web").startsWith("> web"), "the first row is selected:\n" + s);
                long workerPid = pidOn(row(s, "worker"));
                long webPid = pidOn(row(s, "web"));
                assertTrue(Host.alive(workerPid));

                tmux.send("j");
                tmux.await("worker selected", SOON, screen -> row(screen, "worker").startsWith("> worker"), context);
                tmux.send("s");
                tmux.await("the question", SOON, screen -> screen.contains("stop worker and hold it stopped? (y/n)"),
                        context);
                assertTrue(Host.alive(workerPid), "nothing happens before y");
                tmux.send("y");
                s = tmux.await("worker HELD", SOON, screen -> row(screen, "worker").contains("HELD")
                        && screen.contains("worker: stopped and held (apply pid " + applyPid), context);
                Host.await(SOON, "the held worker's process " + workerPid + " to end", () -> !Host.alive(workerPid));
                assertTrue(h.processesOf("worker").isEmpty(), "no process of the held worker remains");
                assertTrue(row(s, "web").contains("RUNNING"), s);
                assertTrue(s.lines().skip(2).findFirst().orElse("").contains("HELD 1"), "counts:\n" + s);
                String coloured = tmux.screenWithEscapes();
                assertTrue(Pattern.compile("\u001b\\[[0-9;]*35[0-9;]*mHELD").matcher(coloured).find(),
                        "HELD is magenta:\n" + coloured.replace("\u001b", "^["));

                tmux.resize(100, 30);
                s = tmux.await("the screen redrawn at 100x30", SOON, screen -> {
                    String[] lines = screen.split("\n", -1);
                    return lines.length >= 30 && lines[29].startsWith("j/k move") && lines[0].length() == 100;
                }, context);
                assertTrue(row(s, "worker").contains("HELD"), s);

                tmux.send("S");
                tmux.await("the release question", SOON, screen -> screen.contains("release the hold on worker"), context);
                tmux.send("y");
                s = tmux.await("worker RUNNING again", SOON, screen -> row(screen, "worker").contains("RUNNING")
                        && pidOn(row(screen, "worker")) > 0 && screen.contains("worker: released"), context);
                long newWorker = pidOn(row(s, "worker"));
                assertTrue(newWorker != workerPid, s);

                tmux.send("q");
                Host.await(SOON, "the TUI's exit status after q", () -> read(exitFile).endsWith("\n"));
                assertEquals("0", read(exitFile).trim(), context.get());
                assertTrue(apply.process().isAlive(), "quitting the TUI leaves apply running");
                assertTrue(Host.alive(webPid), "and web");
                assertTrue(Host.alive(newWorker), "and worker");
            }
        }
    }

    /** The table row of {@code id} (marker included), or "" when the screen has none. */
    private static String row(String screen, String id) {
        Matcher m = Pattern.compile("^[> ] " + Pattern.quote(id) + " .*$", Pattern.MULTILINE).matcher(screen);
        return m.find() ? m.group() : "";
    }

    /** The pid column of a RUNNING row (the number after the state), or -1. */
    private static long pidOn(String row) {
        Matcher m = Pattern.compile("RUNNING\\s+(\\d+)\\s").matcher(row);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
