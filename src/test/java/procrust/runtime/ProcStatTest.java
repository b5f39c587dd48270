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
}
