package procrust.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding one uid's services by their environment, on real processes. */
class EnvironScanTest {

    @TempDir
    Path tmp;

    private final LinuxProcessTable table = new LinuxProcessTable();
    private final LinuxLauncher launcher = new LinuxLauncher(table);
    private final List<Long> groups = new ArrayList<>();
    private final String uid = UUID.randomUUID().toString();

    @AfterEach
    void cleanUp() {
        for (long g : groups) {
            if (table.groupAlive(g)) {
                new KillSignaller().signalGroup(g, Signal.KILL);
            }
        }
    }

    private Spawned spawn(String command, Map<String, String> env) throws Exception {
        Spawned s = launcher.spawn(new SpawnRequest(command, tmp, env, tmp.resolve("l.log")));
        groups.add(s.pid());
        return s;
    }

    private UidGroup group(List<UidGroup> found, long pgid) {
        return found.stream().filter(g -> g.pgid() == pgid).findFirst().orElse(null);
    }

    @Test
    void leadersCarryingTheUidAreFoundWithTheirIdVersionAndStartTime() throws Exception {
        Spawned web = spawn("sleep 300 & exec sleep 301", Map.of("PROCRUST_UID", uid, "PROCRUST_ID", "web",
                "PROCRUST_VERSION", "2024-10-01T12:00:00"));
        Spawned prefix = spawn("exec sleep 300", Map.of("PROCRUST_UID", uid + "0", "PROCRUST_ID", "x"));
        Spawned other = spawn("exec sleep 300", Map.of("PROCRUST_UID", UUID.randomUUID().toString()));
        Spawned probe = spawn("exec sleep 300", Map.of("PROCRUST_UID", uid, "PROCRUST_HEALTH_CHECK", "1"));
        Spawned hook = spawn("exec sleep 300", Map.of("PROCRUST_UID", uid, "PROCRUST_EVENT", "started"));
        long end = System.nanoTime() + 10_000_000_000L;
        while (table.groupMembers(web.pid()).size() < 2 && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        List<UidGroup> found = table.groupsOfUid(uid);
        assertEquals(List.of(web.pid()), found.stream().map(UidGroup::pgid).toList(), found::toString);
        UidGroup g = found.get(0);
        assertEquals(2, g.members().size(), g::toString);
        assertNotNull(g.leader());
        assertEquals("web", g.leader().id());
        assertEquals("2024-10-01T12:00:00", g.leader().version());
        assertEquals(table.stat(web.pid()).orElseThrow().startTicks(), g.leader().startTicks());
        assertNotNull(g.leader().startedAt());
        assertNull(group(found, prefix.pid()));
        assertNull(group(found, other.pid()));
        assertNull(group(found, probe.pid()), "probes are apply's own business");
        assertNull(group(found, hook.pid()));
    }

    @Test
    void aGroupWhoseLeaderEndedIsARemnantWithoutLeader() throws Exception {
        Spawned s = spawn("sleep 300 & sleep 301 & exit 0", Map.of("PROCRUST_UID", uid, "PROCRUST_ID", "r"));
        long end = System.nanoTime() + 10_000_000_000L;
        while ((table.alive(s.pid()) || table.groupMembers(s.pid()).size() < 2) && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        UidGroup g = group(table.groupsOfUid(uid), s.pid());
        assertNotNull(g);
        assertNull(g.leader());
        assertEquals(2, g.members().size());
    }

    @Test
    void aProcessOutsideItsOwnSessionIsNotAService() throws Exception {
        // a child of this JVM (same session as the test) carrying the uid: not a procrust spawn
        ProcessBuilder pb = new ProcessBuilder("sleep", "300");
        pb.environment().put("PROCRUST_UID", uid);
        Process q = pb.start();
        try {
            Thread.sleep(100);
            assertTrue(table.groupsOfUid(uid).isEmpty());
        } finally {
            q.destroyForcibly();
        }
    }

    @Test
    void valuesAreReadWhole() {
        byte[] env = "PROCRUST_IDX=1\0PROCRUST_ID=web 1\0B=".getBytes(StandardCharsets.UTF_8);
        assertEquals("web 1", EnvironScan.value(env, "PROCRUST_ID="));
        assertEquals("", EnvironScan.value(env, "B="));
        assertNull(EnvironScan.value(env, "C="));
    }

    @Test
    void aMissingPidIsSkipped() {
        assertTrue(EnvironScan.scan("/proc/", uid, pid -> Optional.empty()).isEmpty());
    }
}
