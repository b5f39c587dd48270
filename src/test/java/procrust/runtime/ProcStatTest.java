package procrust.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcStatTest {

    @Test
    void fieldsAreCountedFromTheLastParenthesis() {
        ProcStat p = ProcStat.parse("4242 (we ird) (name)) S 17 4242 4241 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 123456789 0 0");
        assertEquals(new ProcStat(4242, 'S', 17, 4242, 4241, 123456789L), p);
    }

    @Test
    void everyLiveProcessParsesLikeTheOldSplit() throws Exception {
        int seen = 0;
        try (var ds = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path d : ds) {
                String line;
                try {
                    line = Files.readString(d.resolve("stat")).strip();
                } catch (java.io.IOException e) {
                    continue; // gone meanwhile
                }
                String[] f = line.substring(line.lastIndexOf(')') + 2).trim().split(" +");
                ProcStat want = new ProcStat(Long.parseLong(line.substring(0, line.indexOf('(')).trim()), f[0].charAt(0),
                        Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[19]));
                assertEquals(want, ProcStat.parse(line), line);
                seen++;
            }
        }
        assertEquals(true, seen > 3, "saw " + seen + " processes");
    }

    @Test
    void brokenLinesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ProcStat.parse("12 no parens S 1 2 3"));
        assertThrows(IllegalArgumentException.class, () -> ProcStat.parse("12 (x) S 1 12 12 0 -1 0 0"));
        assertThrows(IllegalArgumentException.class, () -> ProcStat.parse("12 (x)"));
        assertThrows(NumberFormatException.class, () -> ProcStat.parse("12 (x) S one 12 12 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 9 0"));
    }

    @Test
    void theTableReadsItsOwnProcess() {
        long me = ProcessHandle.current().pid();
        ProcStat s = new LinuxProcessTable().stat(me).orElseThrow();
        assertEquals(me, s.pid());
        assertEquals(ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L), s.ppid());
        assertEquals(java.util.Optional.empty(), new LinuxProcessTable().stat(Integer.MAX_VALUE));
    }

    @Test
    void aliveIsTrueForALiveProcessAndFalseForAZombieOrAGonePid() throws Exception {
        // the background `sleep 2` becomes a zombie when it ends: by then its parent has exec()ed into a
        // sleep that never reaps it (a `true` could end before the exec, and the shell reap it)
        Process p = new ProcessBuilder("/bin/sh", "-c", "sleep 2 & echo $!; exec sleep 30").start();
        try {
            long zombie = Long.parseLong(new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()))
                    .readLine().trim());
            LinuxProcessTable t = new LinuxProcessTable();
            assertEquals(true, t.alive(zombie), "alive for its first two seconds");
            long end = System.nanoTime() + 10_000_000_000L;
            while (!t.stat(zombie).map(ProcStat::zombie).orElse(false) && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            assertEquals(true, t.stat(zombie).map(ProcStat::zombie).orElse(false), "the child is a zombie now");
            assertEquals(false, t.alive(zombie), "a zombie does not count as alive");
            assertEquals(true, t.alive(p.pid()), "its live parent does");
            p.destroyForcibly().waitFor();
            end = System.nanoTime() + 10_000_000_000L;
            while (t.stat(p.pid()).isPresent() && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            assertEquals(false, t.alive(p.pid()), "a reaped pid does not exist");
            assertEquals(false, t.alive(-1));
        } finally {
            p.destroyForcibly().waitFor();
        }
    }
}
