package procrust.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Children spawned through posix_spawn and waited for by the one reaper thread (issue 18) get what the
 * JDK's spawn gave them, and their exits are reported as the JDK reported them; the JDK path (kept for
 * hosts without glibc 2.34 or pidfd_open) is held to the same.
 */
class NativeSpawnTest {

    @TempDir
    Path tmp;

    private final LinuxProcessTable table = new LinuxProcessTable();
    private final List<Long> groups = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        for (long g : groups) {
            if (table.groupAlive(g)) {
                new KillSignaller().signalGroup(g, Signal.KILL);
            }
        }
    }

    private LinuxLauncher launcher(boolean nativeSpawn) {
        return new LinuxLauncher(table, new Accounts(), Accounts.self(), nativeSpawn);
    }

    private Spawned spawn(boolean nativeSpawn, String command) throws IOException {
        Spawned s = launcher(nativeSpawn).spawn(new SpawnRequest(command, tmp, Map.of("PROCRUST_ID", "x"),
                tmp.resolve("logs/p.log")));
        groups.add(s.pid());
        return s;
    }

    @Test
    void theNativeCallsAreThereOnThisHost() {
        assertNull(Libc.UNAVAILABLE, "glibc 2.34+ and pidfd_open are expected on the build host");
        assertTrue(LinuxLauncher.nativeSpawn());
    }

    @ParameterizedTest(name = "native={0}")
    @ValueSource(booleans = {true, false})
    void exitCodesAndSignalsAreReportedAsTheJdkDoes(boolean nativeSpawn) throws Exception {
        assertEquals(0, spawn(nativeSpawn, "true").exit().get(10, TimeUnit.SECONDS));
        assertEquals(3, spawn(nativeSpawn, "exit 3").exit().get(10, TimeUnit.SECONDS));
        Spawned s = spawn(nativeSpawn, "exec sleep 30");
        new KillSignaller().signalGroup(s.pid(), Signal.KILL);
        assertEquals(128 + 9, s.exit().get(10, TimeUnit.SECONDS));
        Spawned t = spawn(nativeSpawn, "exec sleep 30");
        new KillSignaller().signalGroup(t.pid(), Signal.TERM);
        assertEquals(128 + 15, t.exit().get(10, TimeUnit.SECONDS));
    }

    @ParameterizedTest(name = "native={0}")
    @ValueSource(booleans = {true, false})
    void theChildHasOnlyItsThreeDescriptorsAndNoBlockedOrIgnoredSignal(boolean nativeSpawn) throws Exception {
        Spawned s = spawn(nativeSpawn, "exec sleep 30");
        Path proc = Path.of("/proc/" + s.pid());
        // sleep opens and closes files of its own as it starts (the locale archive): a descriptor that
        // comes and goes is its own; one inherited from procrust would stay
        List<String> fds = descriptors(proc);
        for (long end = System.nanoTime() + 10_000_000_000L; !fds.equals(List.of("0", "1", "2"))
                && System.nanoTime() < end; fds = descriptors(proc)) {
            Thread.sleep(50);
        }
        assertEquals(List.of("0", "1", "2"), fds, "descriptors");
        assertEquals("/dev/null", Files.readSymbolicLink(proc.resolve("fd/0")).toString());
        assertEquals(tmp.resolve("logs/p.log").toRealPath(), Files.readSymbolicLink(proc.resolve("fd/1")));
        assertEquals(tmp.toRealPath(), proc.resolve("cwd").toRealPath(), "working directory");
        if (nativeSpawn) { // the JDK leaves the JVM's signal mask and ignored signals as they are
            for (String line : Files.readAllLines(proc.resolve("status"))) {
                if (line.startsWith("SigBlk:") || line.startsWith("SigIgn:")) {
                    long mask = Long.parseUnsignedLong(line.substring(7).trim(), 16);
                    assertEquals(0, mask & 0x7fffffffL, "signals 1-31: " + line);
                }
            }
        }
    }

    private static List<String> descriptors(Path proc) throws IOException {
        try (var list = Files.list(proc.resolve("fd"))) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void manyChildrenAreWaitedForByOneThread() throws Exception {
        LinuxLauncher l = launcher(true);
        List<Spawned> all = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Spawned s = l.spawn(new SpawnRequest("exec sleep 30", tmp, Map.of(), tmp.resolve("logs/m.log")));
            groups.add(s.pid());
            all.add(s);
        }
        long reapers = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("process reaper")).count();
        assertTrue(reapers < 10, reapers + " JDK reaper threads for 50 live children");
        assertEquals(1, Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("procrust-reaper")).count());
        for (int i = 0; i < all.size(); i += 2) {
            new KillSignaller().signalGroup(all.get(i).pid(), Signal.KILL);
        }
        for (int i = 0; i < all.size(); i++) {
            if (i % 2 == 0) {
                assertEquals(137, all.get(i).exit().get(10, TimeUnit.SECONDS), "child " + i);
            } else {
                assertTrue(!all.get(i).exit().isDone(), "child " + i + " is still alive");
            }
        }
    }

    @Test
    void waitStatusesDecodeAsTheJdkDoes() {
        assertEquals(0, ChildReaper.decode(0));
        assertEquals(3, ChildReaper.decode(3 << 8));
        assertEquals(255, ChildReaper.decode(255 << 8));
        assertEquals(137, ChildReaper.decode(9));
        assertEquals(139, ChildReaper.decode(11 | 0x80)); // core dumped
    }
}
