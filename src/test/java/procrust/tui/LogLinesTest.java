package procrust.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogLinesTest {

    @TempDir
    Path dir;

    @Test
    void theLastLinesOldestFirst() throws Exception {
        Path f = dir.resolve("web.log");
        Files.writeString(f, "one\ntwo\r\nthree\nfour");
        assertEquals(List.of("three", "four"), LogLines.last(f, 2));
        assertEquals(List.of("one", "two", "three", "four"), LogLines.last(f, 10));
        assertEquals(List.of(), LogLines.last(f, 0));
    }

    @Test
    void aMissingOrEmptyLogHasNoLines() throws Exception {
        assertEquals(List.of(), LogLines.last(dir.resolve("none.log"), 5));
        Path empty = Files.createFile(dir.resolve("empty.log"));
        assertEquals(List.of(), LogLines.last(empty, 5));
    }

    @Test
    void aHugeLogIsReadOnlyAtItsEndAndNoPartialLineShows() throws Exception {
        Path f = dir.resolve("big.log");
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (sb.length() < 3 * LogLines.WINDOW) {
            sb.append("line ").append(i++).append(' ').append("x".repeat(i % 50)).append('\n');
        }
        Files.writeString(f, sb);
        List<String> all = LogLines.last(f, 100_000);
        assertEquals("line " + (i - 1) + " " + "x".repeat(i % 50), all.get(all.size() - 1));
        for (String l : all) {
            assertEquals(true, l.startsWith("line "), "a cut line: " + l);
        }
    }

    @Test
    void justAfterARotationTheLinesContinueInTheRotatedFile() throws Exception {
        Path f = dir.resolve("web.log");
        Files.writeString(dir.resolve("web.log.1"), "old 1\nold 2\nold 3\n");
        Files.writeString(f, "new 1\n");
        assertEquals(List.of("old 2", "old 3", "new 1"), LogLines.last(f, 3));
    }

    @Test
    void bytesThatAreNotUtf8AndEscapesAreMadeSafe() throws Exception {
        Path f = dir.resolve("bin.log");
        byte[] bad = {'o', 'k', (byte) 0xff, ' ', 0x1b, '[', '2', 'J', 'x', '\n'};
        Files.write(f, bad);
        assertEquals(List.of("ok\ufffd x"), LogLines.last(f, 5));
        Files.writeString(f, "caf\u00e9\n", StandardCharsets.UTF_8);
        assertEquals(List.of("caf\u00e9"), LogLines.last(f, 5));
    }
}
