package procrust.logs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A {@code log_line} start check: watches a process's log for the first line, written after the
 * watch began, in which {@code pattern} is found (as grep does: anywhere in the line). The log is
 * followed from the offset it had when the watch began (take it just before the spawn) and never
 * read again from its start; a rotation in between is followed as {@link LogFollower} does (the
 * unread tail is taken from {@code x.log.1}), so the line is not lost. A line not yet ended by a
 * newline is looked at too. Lines are decoded as UTF-8 (bad bytes replaced); a line longer than
 * {@link #MAX_LINE} bytes is matched on its first {@code MAX_LINE} bytes.
 *
 * <p>Not thread-safe: one owner calls {@link #poll()} (the reconciler, once per attempt).
 */
public final class LogLineWatch {

    /** The longest line kept for matching. */
    static final int MAX_LINE = 64 * 1024;

    private final Pattern pattern;
    private final Lines lines = new Lines();
    private final LogFollower follower;

    private LogLineWatch(Path log, Pattern pattern, long from) throws IOException {
        this.pattern = pattern;
        this.follower = new LogFollower(log, lines, Duration.ZERO);
        follower.startAt(from);
    }

    /** Watches {@code log} from its current end (a missing log: from its start once it appears). */
    public static LogLineWatch fromEnd(Path log, Pattern pattern) throws IOException {
        long size;
        try {
            size = Files.size(log);
        } catch (NoSuchFileException e) {
            size = 0;
        }
        return new LogLineWatch(log, pattern, size);
    }

    /** Reads what was written since the last poll; true once a line matched (and from then on). */
    public boolean poll() throws IOException {
        if (lines.matched == null) {
            follower.step();
            if (lines.matched == null && lines.line.size() > 0 && matches(lines.line)) {
                lines.matched = decode(lines.line);
            }
        }
        return lines.matched != null;
    }

    /** The line that matched, or null. */
    public String matchedLine() {
        return lines.matched;
    }

    private boolean matches(ByteArrayOutputStream line) {
        return pattern.matcher(decode(line)).find();
    }

    private static String decode(ByteArrayOutputStream line) {
        String s = line.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    /** Splits what the follower copies into lines, matching each complete one. */
    private final class Lines extends OutputStream {
        final ByteArrayOutputStream line = new ByteArrayOutputStream();
        String matched;

        @Override
        public void write(int b) {
            if (matched != null) {
                return;
            }
            if (b == '\n') {
                if (matches(line)) {
                    matched = decode(line);
                }
                line.reset();
            } else if (line.size() < MAX_LINE) {
                line.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            int start = off;
            int end = off + len;
            for (int i = off; i < end && matched == null; i++) {
                if (b[i] == '\n') {
                    append(b, start, i - start);
                    write('\n');
                    start = i + 1;
                }
            }
            if (matched == null && start < end) {
                append(b, start, end - start);
            }
        }

        private void append(byte[] b, int off, int len) {
            int room = MAX_LINE - line.size();
            if (room > 0) {
                line.write(b, off, Math.min(room, len));
            }
        }
    }
}
