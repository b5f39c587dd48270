package procrust.config.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import procrust.config.SourcePos;
import procrust.diag.Code;

/**
 * The text of a procrust file: read whole, strict UTF-8 (a BOM is skipped), with access to single
 * lines for the literal source of values. Anything that is not a readable text file becomes one
 * {@code file-unreadable} diagnostic instead.
 */
public final class SourceText {

    /** Larger files are refused rather than risking the heap (a million-process file is ~150 MiB). */
    static final long MAX_BYTES = 256L * 1024 * 1024;

    private final String text;
    private int[] lineStarts;

    SourceText(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /**
     * Reads {@code file}; on failure reports one diagnostic to {@code sink} and returns null.
     */
    static SourceText read(Path file, Sink sink) {
        String problem = null;
        try {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.exists(file)) {
                problem = "no such file: create one with `procrust init`, or name another with -c FILE";
            } else if (!Files.exists(file)) {
                problem = "is a symbolic link to a file that does not exist";
            } else if (Files.isDirectory(file)) {
                problem = "is a directory, not a procrust file: name the file with -c FILE";
            } else if (!Files.isRegularFile(file)) {
                problem = "is not a regular file (a device or a pipe?): name a procrust TOML file with -c FILE";
            } else if (Files.size(file) > MAX_BYTES) {
                problem = "is too large (" + Files.size(file) + " bytes; at most " + MAX_BYTES + "): is it really a procrust file?";
            } else {
                byte[] bytes;
                try (InputStream in = Files.newInputStream(file)) {
                    bytes = in.readNBytes((int) MAX_BYTES + 1);
                }
                return decode(bytes, sink);
            }
        } catch (AccessDeniedException e) {
            problem = "cannot be read: permission denied";
        } catch (NoSuchFileException e) {
            problem = "no such file: create one with `procrust init`, or name another with -c FILE";
        } catch (IOException e) {
            problem = "cannot be read: " + e.getMessage();
        }
        sink.error(Code.FILE_UNREADABLE, problem, SourcePos.NONE, null, null);
        return null;
    }

    /** Strict UTF-8 decoding; an undecodable byte or a NUL is reported at its line and column. */
    static SourceText decode(byte[] bytes, Sink sink) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        String text;
        try {
            text = decoder.decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            int bad = firstBadByte(bytes, start);
            SourceText prefix = new SourceText(new String(bytes, start, bad - start, StandardCharsets.UTF_8));
            sink.error(Code.FILE_UNREADABLE, "is not UTF-8 text (a binary file?): byte " + bad
                    + " cannot be decoded; save the file as UTF-8", prefix.posAt(bad - start), null, null);
            return null;
        }
        if (text.chars().allMatch(c -> c == ' ' || c == '\t' || c == '\r' || c == '\n')) {
            sink.error(Code.FILE_UNREADABLE, "is empty: start from `procrust init`, which writes a commented example",
                    SourcePos.NONE, null, null);
            return null;
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            SourceText t = new SourceText(text);
            sink.error(Code.FILE_UNREADABLE, "contains a NUL character: is it a binary file?", t.posAt(nul), null, null);
            return null;
        }
        return new SourceText(text);
    }

    private static int firstBadByte(byte[] bytes, int start) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(4096);
        while (true) {
            CoderResult r = d.decode(in, out, true);
            if (r.isError()) {
                return in.position();
            }
            if (r.isUnderflow()) {
                return bytes.length;
            }
            out.clear();
        }
    }

    /** 1-based line and column of a character offset. */
    SourcePos posAt(int offset) {
        int[] starts = lineStarts();
        int i = Arrays.binarySearch(starts, offset);
        int line = i >= 0 ? i : -i - 2;
        return new SourcePos(line + 1, offset - starts[line] + 1);
    }

    /** The text of a 1-based line without its line end, or "" when out of range. */
    String line(int line) {
        int[] starts = lineStarts();
        if (line < 1 || line > starts.length) {
            return "";
        }
        int from = starts[line - 1];
        int to = line < starts.length ? starts[line] : text.length();
        while (to > from && (text.charAt(to - 1) == '\n' || text.charAt(to - 1) == '\r')) {
            to--;
        }
        return text.substring(from, to);
    }

    private synchronized int[] lineStarts() {
        if (lineStarts == null) {
            int n = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    n++;
                }
            }
            int[] s = new int[n];
            int k = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    s[k++] = i + 1;
                }
            }
            lineStarts = s;
        }
        return lineStarts;
    }
}
