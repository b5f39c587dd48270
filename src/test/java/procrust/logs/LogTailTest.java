package procrust.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

    @TempDir
    Path dir;

    String tail(Path live, int n) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LogTail.print(live, n, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    static String lines(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
    }

    @Test
    void lastLinesLikeTail() throws Exception {
        Path f = Files.writeString(dir.resolve("a.log"), lines(1, 20));
        assertEquals(lines(18, 20), tail(f, 3));
        assertEquals(lines(1, 20), tail(f, 100));
        assertEquals("", tail(f, 0));
    }

    @Test
    void aLastLineWithoutNewlineCountsAndBytesPassUnchanged() throws Exception {
        Path f = dir.resolve("a.log");
        byte[] latin1 = "caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(f, latin1);
        Files.writeString(f, "one\ntwo", java.nio.file.StandardOpenOption.APPEND);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LogTail.print(f, 2, out);
        byte[] expected = new byte[latin1.length + 7];
        System.arraycopy(latin1, 0, expected, 0, latin1.length);
        System.arraycopy("one\ntwo".getBytes(StandardCharsets.US_ASCII), 0, expected, latin1.length, 7);
        assertEquals(new String(expected, StandardCharsets.ISO_8859_1).substring(latin1.length),
                out.toString(StandardCharsets.ISO_8859_1));
        out.reset();
        LogTail.print(f, 3, out);
        assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(out.toByteArray()));
    }

    @Test
    void longFilesAcrossManyChunks() throws Exception {
        Path f = Files.writeString(dir.resolve("a.log"), lines(1, 5000));
        assertEquals(lines(4001, 5000), tail(f, 1000));
        assertEquals(lines(5000, 5000), tail(f, 1));
    }

    @Test
    void justAfterARotationTheLinesComeFromTheRotatedFiles() throws Exception {
        Path f = dir.resolve("web.log");
        Files.writeString(f, lines(1, 10));
        LogRotator.rotate(f, 3);
        Files.writeString(f, lines(11, 20));
        LogRotator.rotate(f, 3);
        Files.writeString(f, lines(21, 22));
        assertEquals(lines(21, 22), tail(f, 2));
        assertEquals(lines(15, 22), tail(f, 8));
        assertEquals(lines(1, 22), tail(f, 50));
    }

    @Test
    void missingOrEmptyLogsPrintNothing() throws Exception {
        assertEquals("", tail(dir.resolve("none.log"), 10));
        Path e = Files.createFile(dir.resolve("empty.log"));
        assertEquals("", tail(e, 10));
        Files.writeString(LogRotator.rotated(dir.resolve("gone.log"), 1), lines(1, 3));
        assertEquals(lines(2, 3), tail(dir.resolve("gone.log"), 2), "a missing live log still has its rotated lines");
    }
}
