package procrust.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LinuxProcessTable#groupAlive}: the same answer as {@link LinuxProcessTable#groupMembers} (a live
 * member of that group and session), found without a stat of every process: near the leader first,
 * then the whole listing; and, on the host's /proc, an ended group told by kill(2) alone.
 */
class GroupAliveTest {

    @TempDir
    Path tmp;

    private void proc(long pid, char state, long pgid, long session) throws IOException {
        Path d = Files.createDirectories(tmp.resolve(Long.toString(pid)));
        Files.writeString(d.resolve("stat"), pid + " (x) " + state + " 1 " + pgid + " " + session
                + " 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 " + (1000 + pid) + " 0 0\n");
    }

    @Test
    void aMemberNearTheLeaderFarFromItOrBeforeItIsFoundAndAZombieOrAnotherSessionIsNot() throws IOException {
        LinuxProcessTable t = new LinuxProcessTable(tmp);
        proc(100, 'S', 100, 100);
        assertTrue(t.groupAlive(100), "the leader itself");
        proc(200, 'Z', 200, 200);
        proc(205, 'S', 200, 200);
        assertTrue(t.groupAlive(200), "a member just after a zombie leader");
        proc(300, 'Z', 300, 300);
        proc(300 + LinuxProcessTable.NEAR + 50, 'S', 300, 300);
        assertTrue(t.groupAlive(300), "a member beyond the near pids, from the listing");
        proc(400, 'Z', 400, 400);
        proc(7, 'R', 400, 400);
        assertTrue(t.groupAlive(400), "a member with a smaller pid (pids wrapped)");
        proc(500, 'Z', 500, 500);
        proc(501, 'Z', 500, 500);
        proc(900, 'S', 500, 42);
        proc(901, 'S', 42, 500);
        assertFalse(t.groupAlive(500), "zombies and processes of another session or group do not count");
        assertEquals(List.of(), t.groupMembers(500));
        assertFalse(t.groupAlive(600), "no process of that group at all");
        assertFalse(t.groupAlive(1), "never the init group");
    }

    @Test
    void aRealGroupIsAliveWhileAMemberOutlivesItsLeaderAndGoneOnceNoneIsLeft() throws Exception {
        LinuxProcessTable table = new LinuxProcessTable();
        LinuxLauncher launcher = new LinuxLauncher(table);
        KillSignaller signaller = new KillSignaller();
        Spawned s = launcher.spawn(new SpawnRequest("sleep 30 & echo started; exit 0", tmp, Map.of(),
                tmp.resolve("g.log")));
        try {
            assertEquals(0, s.exit().get(10, TimeUnit.SECONDS));
            assertFalse(table.alive(s.pid()), "the leader ended and was reaped");
            assertTrue(table.groupAlive(s.pid()), "its sleep is left in the group");
            assertEquals(table.groupMembers(s.pid()).isEmpty(), !table.groupAlive(s.pid()));
            signaller.signalGroup(s.pid(), Signal.KILL);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (table.groupAlive(s.pid()) && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            assertFalse(table.groupAlive(s.pid()), "no member left");
            // the killed sleep is a zombie until the host's init reaps it: kill(2) says so once it has
            while (Libc.AVAILABLE && !Libc.noSuchGroup(s.pid()) && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            assertTrue(Libc.noSuchGroup(s.pid()) || !Libc.AVAILABLE, "kill(2) says no task is left");
            assertFalse(table.groupAlive(s.pid()));
        } finally {
            if (table.groupAlive(s.pid())) {
                signaller.signalGroup(s.pid(), Signal.KILL);
            }
        }
    }
}
