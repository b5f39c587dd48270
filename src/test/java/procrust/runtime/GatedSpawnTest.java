package procrust.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gated spawn runs nothing of its command until procrust opens the gate (after the pid is in the state
 * file); when procrust dies first (the gate's pipe closes unopened) the command never runs, so a crash
 * between spawn and the state write leaves no untracked service behind (found by the crash-anywhere
 * test: kill -9 of apply right after a spawn left a service the next apply started again).
 */
class GatedSpawnTest {

    @TempDir
    Path tmp;

    private final LinuxProcessTable table = new LinuxProcessTable();
    private final LinuxLauncher launcher = new LinuxLauncher(table);
    private final List<Long> groups = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        for (long g : groups) {
            if (table.groupAlive(g)) {
                new KillSignaller().signalGroup(g, Signal.KILL);
            }
        }
    }

    private Spawned spawnGated(String command) throws Exception {
        Spawned s = launcher.spawnGated(new SpawnRequest(command, tmp, Map.of("PROCRUST_ID", "web"),
                tmp.resolve("logs/p.log")));
        groups.add(s.pid());
        return s;
    }

    @Test
    void nothingRunsUntilTheGateOpensAndThenStdinIsDevNull() throws Exception {
        Path marker = tmp.resolve("ran");
        Spawned s = spawnGated("echo \"$PROCRUST_ID\" > ran; read x; echo \"read=$?\" >> ran; exec sleep 30");
        ProcStat st = table.stat(s.pid()).orElseThrow();
        assertEquals(s.pid(), st.session(), "own session already");
        Thread.sleep(300);
        assertFalse(Files.exists(marker), "the command ran before the gate opened");
        s.gate().open();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(marker) && Files.readString(marker).contains("read="))) {
            assertTrue(System.nanoTime() < end, "the command did not run after the gate opened");
            Thread.sleep(20);
        }
        assertEquals("web\nread=1\n", Files.readString(marker, StandardCharsets.UTF_8), "stdin is /dev/null after the gate");
        assertEquals(st.startTicks(), table.stat(s.pid()).orElseThrow().startTicks(), "same process, same identity");
        assertTrue(table.stat(s.pid()).orElseThrow().pgid() == s.pid());
    }

    @Test
    void aGateClosedUnopenedEndsTheProcessWithoutRunningTheCommand() throws Exception {
        Path marker = tmp.resolve("ran");
        Spawned s = spawnGated("touch ran; exec sleep 30");
        s.gate().close(); // what procrust's death does to the pipe
        assertEquals(LinuxLauncher.GATE_CLOSED_EXIT, s.exit().get(10, TimeUnit.SECONDS));
        assertFalse(Files.exists(marker));
    }
}
