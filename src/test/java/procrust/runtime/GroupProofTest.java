package procrust.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A group is proven to be a spawn's remnant by its members' environment, never by its number alone. */
class GroupProofTest {

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

    @Test
    void membersCarryingTheEntryProveTheGroupOthersDoNot() throws Exception {
        LinuxLauncher launcher = new LinuxLauncher(table);
        Spawned ours = launcher.spawn(new SpawnRequest("sleep 300 & exec sleep 301", tmp,
                Map.of("PROCRUST_UID", "u-1"), tmp.resolve("l.log")));
        groups.add(ours.pid());
        Spawned other = launcher.spawn(new SpawnRequest("sleep 300 & exec sleep 301", tmp,
                Map.of("PROCRUST_UID", "u-2"), tmp.resolve("l.log")));
        groups.add(other.pid());
        long end = System.nanoTime() + 10_000_000_000L;
        while (table.groupMembers(ours.pid()).size() < 2 && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertTrue(table.groupCarries(ours.pid(), "PROCRUST_UID=u-1"));
        assertFalse(table.groupCarries(ours.pid(), "PROCRUST_UID=u-"), "an exact entry, not a prefix");
        assertFalse(table.groupCarries(other.pid(), "PROCRUST_UID=u-1"));
        assertFalse(table.groupCarries(999_999_999L, "PROCRUST_UID=u-1"), "no such group");
    }

    @Test
    void aMemberWhoseEnvironmentNoLongerShowsTheEntryDoesNotUnproveTheGroup() throws Exception {
        // redis-server (like PostgreSQL) writes its process title over its environment: its
        // /proc/PID/environ no longer holds PROCRUST_UID. Its shell's death must not leave it running
        // beside the next start (a duplicate, and a port in use): one member carrying the entry, and
        // none naming another uid, prove the group
        LinuxLauncher launcher = new LinuxLauncher(table);
        Spawned ours = launcher.spawn(new SpawnRequest("env -i sleep 300 & exec sleep 301", tmp,
                Map.of("PROCRUST_UID", "u-5"), tmp.resolve("l.log")));
        groups.add(ours.pid());
        Spawned mixed = launcher.spawn(new SpawnRequest("PROCRUST_UID=u-6 sleep 300 & exec sleep 301", tmp,
                Map.of("PROCRUST_UID", "u-5"), tmp.resolve("l.log")));
        groups.add(mixed.pid());
        Spawned none = launcher.spawn(new SpawnRequest("env -i sleep 300 & exec env -i sleep 301", tmp,
                Map.of("PROCRUST_UID", "u-5"), tmp.resolve("l.log")));
        groups.add(none.pid());
        long end = System.nanoTime() + 10_000_000_000L;
        while ((table.groupMembers(ours.pid()).size() < 2 || table.groupMembers(mixed.pid()).size() < 2
                || table.groupMembers(none.pid()).size() < 2) && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        Thread.sleep(200); // the execs of env and sleep are done
        assertTrue(table.groupCarries(ours.pid(), "PROCRUST_UID=u-5"));
        assertFalse(table.groupCarries(mixed.pid(), "PROCRUST_UID=u-5"), "a member names another uid");
        assertFalse(table.groupCarries(none.pid(), "PROCRUST_UID=u-5"), "no member carries it");
    }

    @Test
    void groupsCarryingEveryEntryAreFound() throws Exception {
        LinuxLauncher launcher = new LinuxLauncher(table);
        Spawned probe = launcher.spawn(new SpawnRequest("exec sleep 300", tmp,
                Map.of("PROCRUST_UID", "u-3", "PROCRUST_HEALTH_CHECK", "1"), tmp.resolve("l.log")));
        groups.add(probe.pid());
        Spawned service = launcher.spawn(new SpawnRequest("exec sleep 300", tmp, Map.of("PROCRUST_UID", "u-3"),
                tmp.resolve("l.log")));
        groups.add(service.pid());
        assertTrue(List.of(probe.pid()).equals(table.groupsCarrying(List.of("PROCRUST_UID=u-3", "PROCRUST_HEALTH_CHECK=1"))));
        assertTrue(table.groupsCarrying(List.of("PROCRUST_UID=u-3")).containsAll(List.of(probe.pid(), service.pid())));
        assertTrue(table.groupsCarrying(List.of("PROCRUST_UID=u-4")).isEmpty());
    }

    @Test
    void entriesMatchWhole() {
        byte[] env = "A=1\0PROCRUST_UID=x\0B=2".getBytes(StandardCharsets.UTF_8);
        assertTrue(LinuxProcessTable.hasEntry(env, "PROCRUST_UID=x".getBytes(StandardCharsets.UTF_8)));
        assertTrue(LinuxProcessTable.hasEntry(env, "B=2".getBytes(StandardCharsets.UTF_8)));
        assertFalse(LinuxProcessTable.hasEntry(env, "PROCRUST_UID=".getBytes(StandardCharsets.UTF_8)));
        assertFalse(LinuxProcessTable.hasEntry(env, "UID=x".getBytes(StandardCharsets.UTF_8)));
    }
}
