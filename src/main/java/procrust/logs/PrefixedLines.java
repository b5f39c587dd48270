package procrust.logs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The log of one id among several ({@code procrust logs web worker}): each whole line goes to the
 * shared output as {@code ID | line}, in one write under the output's lock, so lines of different
 * ids interleave by line and never inside one. A line not yet ended waits for its end
 * ({@link #finish} ends it). Bytes pass through unchanged otherwise.
 */
public final class PrefixedLines extends OutputStream {

    private final OutputStream shared;
    private final byte[] prefix;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

    /** {@code shared} is locked on for each line: give every id's stream the same one. */
    public PrefixedLines(OutputStream shared, String id) {
        this.shared = shared;
        this.prefix = (id + " | ").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void write(int b) throws IOException {
        line.write(b);
        if (b == '\n') {
            emit();
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                line.write(b, start, i + 1 - start);
                emit();
                start = i + 1;
            }
        }
        line.write(b, start, off + len - start);
    }

    /** Ends a line left unfinished (the last line of a log without a newline) and flushes. */
    public void finish() throws IOException {
        if (line.size() > 0) {
            line.write('\n');
            emit();
        }
        flush();
    }

    @Override
    public void flush() throws IOException {
        synchronized (shared) {
            shared.flush();
        }
    }

    private void emit() throws IOException {
        synchronized (shared) {
            shared.write(prefix);
            line.writeTo(shared);
        }
        line.reset();
    }
}
