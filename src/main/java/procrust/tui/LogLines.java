package procrust.tui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import procrust.logs.LogTail;

/**
 * The last lines of a process's log for the screen: found by {@link LogTail} (so just after a rotation
 * they continue into {@code x.log.1}), at most the last {@link #WINDOW} bytes of them (a line without
 * end costs nothing), bytes that are not UTF-8 shown as U+FFFD, every line made
 * {@link Formats#printable}. A missing log has no lines.
 */
public final class LogLines {

    static final int WINDOW = 64 * 1024;

    private LogLines() {
    }

    public static List<String> last(Path live, int n) throws IOException {
        if (n <= 0) {
            return List.of();
        }
        LogTail.Tail tail = LogTail.lastLines(live, n);
        long total = 0;
        for (LogTail.Segment s : tail.segments()) {
            total += s.to() - s.from();
        }
        long skip = Math.max(0, total - WINDOW);
        boolean cut = skip > 0;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) Math.min(total, WINDOW));
        for (LogTail.Segment s : tail.segments()) {
            long len = s.to() - s.from();
            if (skip >= len) {
                skip -= len;
                continue;
            }
            LogTail.copy(s.file(), s.from() + skip, s.to(), bytes);
            skip = 0;
        }
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1); // the final newline ends the last line
        }
        if (cut && !lines.isEmpty()) {
            lines.remove(0); // the window began inside this line
        }
        List<String> out = new ArrayList<>();
        for (String l : lines.subList(Math.max(0, lines.size() - n), lines.size())) {
            out.add(Formats.printable(l));
        }
        return out;
    }
}
