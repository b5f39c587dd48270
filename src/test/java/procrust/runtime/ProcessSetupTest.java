package procrust.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

/**
 * user, group, umask and limits through the real tools (setpriv, prlimit, the shell's umask): the held
 * pid stays the session and group leader with the start time it had at spawn, the command runs with
 * what was asked, and a process procrust may not switch to is refused before anything runs.
 */
class ProcessSetupTest {

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

    private static String statusLine(long pid, String key) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(l -> l.startsWith(key + ":")).findFirst().orElseThrow().substring(key.length() + 1).trim();
    }

    private static String awaitLog(Path log, String needle) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            if (text.contains(needle)) {
                return text;
            }
            assertTrue(System.nanoTime() < end, () -> "no `" + needle + "` in the log: " + text);
            Thread.sleep(20);
        }
    }

    @Test
    void aGatedStartAsNobodyKeepsItsPidSessionAndStartTime() throws Exception {
        assumeTrue(Accounts.self().root(), "switching users needs root (CI runs as root)");
        Path log = tmp.resolve("logs/p.log");
        Spawned s = new LinuxLauncher(table).spawnGated(new SpawnRequest(
                "echo \"umask=$(umask) nofile=$(ulimit -n) home=$HOME user=$USER\"; exec sleep 30", tmp, Map.of(), log,
                new ProcessSetup("nobody", null, "0027", Map.of("nofile", 1234L, "core", 0L))));
        groups.add(s.pid());
        s.gate().open();
        String out = awaitLog(log, "umask=");
        assertTrue(out.contains("umask=0027 nofile=1234 home=/nonexistent user=nobody"), out);
        ProcStat st = table.stat(s.pid()).orElseThrow();
        assertEquals(s.pid(), st.session(), "still the session leader");
        assertEquals(s.startTicks(), st.startTicks(), "the same process as the one recorded at spawn");
        assertEquals("65534\t65534\t65534\t65534", statusLine(s.pid(), "Uid"));
        assertEquals("65534\t65534\t65534\t65534", statusLine(s.pid(), "Gid"));
        assertEquals("65534", statusLine(s.pid(), "Groups"), "supplementary groups from the system, none of root's");
        String limits = Files.readString(Path.of("/proc/" + s.pid() + "/limits"));
        assertTrue(limits.matches("(?s).*Max open files\\s+1234\\s+1234\\s.*"), limits);
        assertTrue(limits.matches("(?s).*Max core file size\\s+0\\s+0\\s.*"), limits);
    }

    @Test
    void anUngatedCommandWithAGroupOnlyKeepsTheUser() throws Exception {
        assumeTrue(Accounts.self().root(), "switching groups needs root (CI runs as root)");
        Path log = tmp.resolve("logs/q.log");
        Spawned s = new LinuxLauncher(table).spawn(new SpawnRequest("id -u; id -g; exec sleep 30", tmp, Map.of(), log,
                new ProcessSetup(null, "65534", null, Map.of())));
        groups.add(s.pid());
        String out = awaitLog(log, "65534");
        assertEquals("0\n65534\n", out);
        assertEquals(s.pid(), table.stat(s.pid()).orElseThrow().session());
    }

    @Test
    void notRootRefusesAnotherUserButNotItsOwn() throws Exception {
        Accounts accounts = new Accounts();
        Accounts.Self notRoot = new Accounts.Self(65534, 65534, "0022");
        Wrapper w = new Wrapper(accounts, notRoot);
        RefusedStart e = assertThrows(RefusedStart.class, () -> w.of(new ProcessSetup("root", null, null, Map.of())));
        assertTrue(e.getMessage().contains("runs as user `root` (uid 0, gid 0), but procrust runs as uid 65534, not root") && e.getMessage().contains("not root"), e.getMessage());
        assertThrows(RefusedStart.class, () -> w.of(new ProcessSetup(null, "0", null, Map.of())));
        assertEquals(Wrapper.BARE, w.of(new ProcessSetup("nobody", null, null, Map.of())).prelude(),
                "its own user needs no setpriv");
        IOException unknown = assertThrows(IOException.class,
                () -> w.of(new ProcessSetup("procrust-no-such-user", null, null, Map.of())));
        assertFalse(unknown instanceof RefusedStart, "an unknown user is an ordinary failed start");
        assertTrue(unknown.getMessage().contains("does not exist on this host"), unknown.getMessage());
    }

    @Test
    void theWordsAStartRuns() throws Exception {
        Wrapper w = new Wrapper(new Accounts(), new Accounts.Self(0, 0, "0022"));
        Map<String, Long> limits = new java.util.LinkedHashMap<>();
        limits.put("nofile", 65536L);
        limits.put("nproc", -1L);
        String p = w.of(new ProcessSetup("nobody", null, "0027", limits)).prelude();
        assertEquals("umask 0027; exec /usr/bin/prlimit --nofile=65536:65536 --nproc=unlimited:unlimited -- "
                + "/usr/bin/setpriv --reuid=65534 --regid=65534 --init-groups -- /bin/sh -c \"$1\"", p);
        assertEquals(Wrapper.BARE, w.of(ProcessSetup.INHERIT).prelude());
    }
}
