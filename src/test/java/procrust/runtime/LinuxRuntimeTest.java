package procrust.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Linux runtime against real processes; every group started here is killed after each test. */
class LinuxRuntimeTest {

    @TempDir
    Path tmp;

    private final LinuxProcessTable table = new LinuxProcessTable();
    private final LinuxLauncher launcher = new LinuxLauncher(table);
    private final KillSignaller signaller = new KillSignaller();
    private final List<Long> groups = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        for (long g : groups) {
            if (table.groupAlive(g)) {
                signaller.signalGroup(g, Signal.KILL);
            }
        }
    }

    private Spawned spawn(String command, Map<String, String> env) throws IOException {
        Spawned s = launcher.spawn(new SpawnRequest(command, tmp, env, tmp.resolve("logs/p.log")));
        groups.add(s.pid());
        return s;
    }

    private static void await(java.util.function.BooleanSupplier cond, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void spawnLeadsItsOwnSessionAndAppendsOutputToTheLog() throws Exception {
        Path log = tmp.resolve("logs/p.log");
        Files.createDirectories(log.getParent());
        Files.writeString(log, "old line\n");
        Spawned s = spawn("echo \"out $PROCRUST_ID\"; echo err >&2; read x; echo \"read=$?\"; sleep 30",
                Map.of("PROCRUST_ID", "web"));
        ProcStat st = table.stat(s.pid()).orElseThrow();
        assertEquals(s.pid(), st.pgid(), "own process group");
        assertEquals(s.pid(), st.session(), "own session");
        assertEquals(st.startTicks(), s.startTicks());
        await(() -> {
            try {
                return Files.readString(log).contains("read=");
            } catch (IOException e) {
                return false;
            }
        }, "output");
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("old line\nout web\n"), text);
        assertTrue(text.contains("err\n"), text);
        assertTrue(text.contains("read=1"), "stdin is /dev/null (read hits EOF): " + text);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(log)));
    }

    @Test
    void groupSignalReachesGrandchildrenAndGroupScanSeesThemGo() throws Exception {
        Spawned s = spawn("sleep 300 & sleep 301 & wait", Map.of());
        await(() -> table.groupMembers(s.pid()).size() == 3, "shell and two sleeps");
        signaller.signalGroup(s.pid(), Signal.TERM);
        assertEquals(128 + 15, s.exit().get(10, TimeUnit.SECONDS));
        await(() -> !table.groupAlive(s.pid()), "the whole group gone");
    }

    @Test
    void missingWorkingDirIsAClearIOException() {
        IOException e = assertThrows(IOException.class, () -> launcher.spawn(
                new SpawnRequest("true", tmp.resolve("nope"), Map.of(), tmp.resolve("l.log"))));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }

    @Test
    void exitStatusAndZombieDetection() throws Exception {
        Spawned s = spawn("exit 3", Map.of());
        assertEquals(3, s.exit().get(10, TimeUnit.SECONDS));
        assertFalse(table.stat(s.pid()).isPresent(), "reaped by the JVM");
        assertTrue(ProcStat.parse("12 (a (b) c) Z 1 12 12 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 999 0 0").zombie());
        ProcStat p = ProcStat.parse("12 (a (b) c) S 1 12 12 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 999 0 0");
        assertEquals(999, p.startTicks());
        assertFalse(p.zombie());
    }

    @Test
    void bootIdIsReadable() {
        assertEquals(36, table.bootId().length());
    }
}
