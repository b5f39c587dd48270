package procrust.logs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One line procrust writes into a service's own log, among its output: when it started the service
 * and when it saw it end ({@code procrust: 2025-03-01T08:00:00.123+01:00 started pid 4242 (version
 * 2024-10-01T12:00:00)}). The {@code procrust: } prefix and the timestamp set it apart from the
 * service's lines. The file is appended to (O_APPEND, as the service writes it), never created and
 * never opened through a symbolic link; a line the service left unfinished is ended first, so the
 * marker always stands on a line of its own.
 */
public final class LogMarker {

    public static final String PREFIX = "procrust: ";

    private LogMarker() {
    }

    /** Appends {@code PREFIX + text} as one line; false (and nothing written) when the log is not there. */
    public static boolean append(Path log, String text) throws IOException {
        if (!Files.isRegularFile(log, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        boolean needsNewline = false;
        try (SeekableByteChannel ch = Files.newByteChannel(log, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            long size = ch.size();
            if (size > 0) {
                ByteBuffer last = ByteBuffer.allocate(1);
                ch.position(size - 1);
                needsNewline = ch.read(last) == 1 && last.get(0) != '\n';
            }
        }
        String line = (needsNewline ? "\n" : "") + PREFIX + text.replace('\n', ' ') + "\n";
        try (OutputStream out = Files.newOutputStream(log, StandardOpenOption.WRITE, StandardOpenOption.APPEND,
                LinkOption.NOFOLLOW_LINKS)) {
            out.write(line.getBytes(StandardCharsets.UTF_8));
        }
        return true;
    }
}
