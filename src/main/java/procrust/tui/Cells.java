package procrust.tui;

import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/** Building screen lines by terminal columns (wide characters count double): cells, fitting, wrapping. */
final class Cells {

    static final String ELLIPSIS = "…";

    private Cells() {
    }

    /** {@code s} in exactly {@code width} columns: padded with spaces, or cut with an ellipsis. */
    static AttributedString cell(String s, int width, AttributedStyle style) {
        if (width <= 0) {
            return AttributedString.EMPTY;
        }
        AttributedString a = new AttributedString(s == null ? "" : s, style);
        int len = a.columnLength();
        if (len > width) {
            AttributedStringBuilder b = new AttributedStringBuilder();
            b.append(a.columnSubSequence(0, width - 1));
            b.style(style).append(ELLIPSIS);
            a = b.toAttributedString();
            len = a.columnLength();
        }
        if (len < width) {
            AttributedStringBuilder b = new AttributedStringBuilder().append(a);
            b.style(style).append(" ".repeat(width - len));
            a = b.toAttributedString();
        }
        return a;
    }

    /** The line cut to {@code width} columns (no padding). */
    static AttributedString cut(AttributedString line, int width) {
        return line.columnLength() <= width ? line : line.columnSubSequence(0, Math.max(0, width));
    }

    /** {@code left} then {@code right} flush to the right edge; the left part is cut to make room. */
    static AttributedString spread(AttributedString left, AttributedString right, int width) {
        int r = right.columnLength();
        if (r + 1 > width) {
            return cut(left, width);
        }
        AttributedString l = cut(left, width - r - 1);
        AttributedStringBuilder b = new AttributedStringBuilder().append(l);
        b.append(" ".repeat(width - r - l.columnLength())).append(right);
        return b.toAttributedString();
    }

    /** The whole line in {@code style}, padded to {@code width} (for the selected row). */
    static AttributedString fill(AttributedString line, int width, AttributedStyle pad) {
        AttributedString c = cut(line, width);
        if (c.columnLength() >= width) {
            return c;
        }
        AttributedStringBuilder b = new AttributedStringBuilder().append(c);
        b.style(pad).append(" ".repeat(width - c.columnLength()));
        return b.toAttributedString();
    }

    /** {@code s} broken into lines of at most {@code width} columns (at spaces when it can), at most {@code max} lines. */
    static List<String> wrap(String s, int width, int max) {
        List<String> out = new ArrayList<>();
        if (width <= 0 || max <= 0) {
            return out;
        }
        String rest = s == null ? "" : s;
        while (!rest.isEmpty() && out.size() < max) {
            AttributedString a = new AttributedString(rest);
            if (a.columnLength() <= width) {
                out.add(rest);
                rest = "";
                break;
            }
            String head = a.columnSubSequence(0, width).toString();
            int sp = head.lastIndexOf(' ');
            if (sp > width / 2) {
                head = head.substring(0, sp);
            }
            if (out.size() == max - 1) {
                out.add(a.columnSubSequence(0, width - 1) + ELLIPSIS);
                return out;
            }
            out.add(head);
            rest = rest.substring(head.length()).stripLeading();
        }
        if (out.isEmpty()) {
            out.add("");
        }
        return out;
    }
}
