package procrust.logs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The last lines of a process's log, like {@code tail -n N}. Unlike tail, when the live file holds
 * fewer than N lines (it was just rotated), the rest is taken from {@code x.log.1}, {@code x.log.2}
 * ..., so "the last N lines" means the last N lines the process wrote. Bytes are passed through
 * unchanged: a log need not be UTF-8. A final line without a newline counts as a line.
 */
public final class LogTail {

    private static final int CHUNK = 8192;

    /** A byte range of one file. */
    public record Segment(Path file, long from, long to) {
    }

    /** The last lines, oldest first, and the size of the live file when they were found (where to follow from). */
    public record Tail(List<Segment> segments, long liveEnd) {
        public Tail {
            segments = List.copyOf(segments);
        }
    }

    private LogTail() {
    }

    /**
     * Where the last {@code n} lines of the log {@code live} (and of its rotated files) are. Missing
     * files count as empty.
     */
    public static Tail lastLines(Path live, int n) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return find(live, n);
            } catch (Shrank e) {
                if (attempt == 3) {
                    throw e;
                }
                // rotated while we read it: look again
            }
        }
    }

    private static Tail find(Path live, int n) throws IOException {
        Deque<Segment> out = new ArrayDeque<>();
        long liveEnd = sizeOrZero(live);
        int wanted = n;
        for (int k = 0; wanted > 0; k++) {
            Path f = k == 0 ? live : LogRotator.rotated(live, k);
            if (!Files.exists(f, LinkOption.NOFOLLOW_LINKS)) {
                if (k == 0) {
                    continue; // the live file is missing, its rotated ones may not be
                }
                break;
            }
            long[] found = startOfLastLines(f, wanted, k == 0 ? liveEnd : Long.MAX_VALUE);
            if (found[0] < found[1]) {
                out.addFirst(new Segment(f, found[0], found[1]));
            }
            wanted -= (int) found[2];
        }
        return new Tail(List.copyOf(out), liveEnd);
    }

    /** Writes the last {@code n} lines of {@code live} to {@code out}; returns the live file's size read up to. */
    public static long print(Path live, int n, OutputStream out) throws IOException {
        Tail t = lastLines(live, n);
        for (Segment s : t.segments()) {
            copy(s.file(), s.from(), s.to(), out);
        }
        out.flush();
        return t.liveEnd();
    }

    static long sizeOrZero(Path f) throws IOException {
        try {
            return Files.size(f);
        } catch (NoSuchFileException e) {
            return 0;
        }
    }

    /** Copies bytes [from, to) of {@code file} to {@code out}; returns how many were copied. */
    public static long copy(Path file, long from, long to, OutputStream out) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long end = Math.min(to, ch.size());
            long pos = from;
            var target = Channels.newChannel(out);
            while (pos < end) {
                long k = ch.transferTo(pos, end - pos, target);
                if (k <= 0) {
                    break;
                }
                pos += k;
            }
            return pos - from;
        }
    }

    /**
     * {from, to, lines}: the offset where the last {@code n} lines of {@code f} (read up to
     * {@code limit} bytes) start, the size read, and how many lines lie in between (fewer than
     * {@code n} when the file is short).
     */
    static long[] startOfLastLines(Path f, int n, long limit) throws IOException {
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            long size = Math.min(limit, ch.size());
            if (size == 0 || n <= 0) {
                return new long[] {size, size, 0};
            }
            ByteBuffer buf = ByteBuffer.allocate(CHUNK);
            long pos = size;
            int newlines = 0;
            while (pos > 0) {
                int len = (int) Math.min(CHUNK, pos);
                pos -= len;
                buf.clear().limit(len);
                while (buf.hasRemaining()) {
                    if (ch.read(buf, pos + buf.position()) < 0) {
                        throw new Shrank(f);
                    }
                }
                for (int i = len - 1; i >= 0; i--) {
                    if (buf.get(i) != '\n' || pos + i == size - 1) {
                        continue; // the newline ending the last line does not start one
                    }
                    if (++newlines == n) {
                        return new long[] {pos + i + 1, size, n};
                    }
                }
            }
            return new long[] {0, size, newlines + 1};
        }
    }

    /** The file got shorter while it was read backwards (a rotation truncated it). */
    private static final class Shrank extends IOException {
        Shrank(Path f) {
            super(f + " shrank while it was read");
        }
    }
}
