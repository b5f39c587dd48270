package procrust.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** log_line: the first matching line written after the watch began, across rotations, never re-read. */
class LogLineWatchTest {

    @TempDir
    Path dir;

    Path log() {
        return dir.resolve("redis.log");
    }

    void append(String s) throws Exception {
        Files.writeString(log(), s, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    LogLineWatch watch(String regex) throws Exception {
        return LogLineWatch.fromEnd(log(), Pattern.compile(regex));
    }

    @Test
    void aLineFromAnEarlierStartDoesNotCount() throws Exception {
        append("1:M Ready to accept connections\n");
        LogLineWatch w = watch("Ready to accept connections");
        assertFalse(w.poll());
        append("2:M Server initialized\n");
        assertFalse(w.poll());
        append("2:M Ready to accept connections tcp\n");
        assertTrue(w.poll());
        assertEquals("2:M Ready to accept connections tcp", w.matchedLine());
        assertTrue(w.poll());
    }

    @Test
    void aLineWrittenInPiecesMatchesOnceWhole() throws Exception {
        LogLineWatch w = watch("^ready on port \\d+$");
        append("rea");
        assertFalse(w.poll());
        append("dy on port 80");
        assertTrue(w.poll(), "a last line without its newline yet is looked at");
        assertEquals("ready on port 80", w.matchedLine());
    }

    @Test
    void theAnchorsAreThoseOfEachLine() throws Exception {
        LogLineWatch w = watch("^ready$");
        append("not ready\nready now\r\n");
        assertFalse(w.poll());
        append("ready\r\n");
        assertTrue(w.poll());
    }

    @Test
    void aRotationBetweenTwoPollsDoesNotLoseTheLine() throws Exception {
        append("old line\n");
        LogLineWatch w = watch("listening");
        append("starting\n");
        assertFalse(w.poll());
        append("now listening on 6379\n");
        LogRotator.rotate(log(), 3); // copy to redis.log.1, then truncate: the line is only in the copy
        append("after rotation\n");
        assertTrue(w.poll());
        assertEquals("now listening on 6379", w.matchedLine());
    }

    @Test
    void aRotationBeforeTheFirstPollDoesNotLoseTheLine() throws Exception {
        append("x".repeat(100) + "\n");
        LogLineWatch w = watch("listening");
        append("listening\n");
        LogRotator.rotate(log(), 1);
        assertTrue(w.poll());
    }

    @Test
    void aLogThatAppearsLaterIsReadFromItsStart() throws Exception {
        LogLineWatch w = watch("up");
        assertFalse(w.poll());
        append("up\n");
        assertTrue(w.poll());
    }

    @Test
    void aVeryLongLineIsMatchedOnItsStart() throws Exception {
        LogLineWatch w = watch("^x+$");
        append("x".repeat(LogLineWatch.MAX_LINE * 2) + "\n");
        assertTrue(w.poll());
        assertEquals(LogLineWatch.MAX_LINE, w.matchedLine().length());
    }
}
