package procrust.tui;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The last lines of a process's log file for the screen: at most the last {@link #WINDOW} bytes are
 * read (a huge log costs nothing), bytes that are not UTF-8 become U+FFFD, and every line is made
 * {@link Formats#printable}. A missing file has no lines.
 */
public final class LogLines {

    static final int WINDOW = 64 * 1024;

    private LogLines() {
    }

    public static List<String> last(Path file, int n) throws IOException {
        if (n <= 0) {
            return List.of();
        }
        byte[] bytes;
        boolean fromStart;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            long from = Math.max(0, size - WINDOW);
            fromStart = from == 0;
            ByteBuffer buf = ByteBuffer.allocate((int) (size - from));
            while (buf.hasRemaining() && ch.read(buf, from + buf.position()) > 0) {
                // read the window
            }
            bytes = java.util.Arrays.copyOf(buf.array(), buf.position());
        } catch (NoSuchFileException e) {
            return List.of();
        }
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1); // the final newline ends the last line
        }
        if (!fromStart && !lines.isEmpty()) {
            lines.remove(0); // the window began inside this line
        }
        List<String> out = new ArrayList<>();
        for (String l : lines.subList(Math.max(0, lines.size() - n), lines.size())) {
            out.add(Formats.printable(l));
        }
        return out;
    }
}
