package procrust.diag;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found in a file. {@code line} and {@code column} are 1-based; 0 means "no position"
 * (a problem of the whole file). {@code process} is the id of the process concerned, or null;
 * {@code field} is the key path inside it (for example {@code schedule.start_time}), or null.
 * Every text field is {@link Printable}: a diagnostic prints on one line whatever the file holds (no
 * newline, carriage return or terminal escape from a hostile id, key, value or path reaches the output).
 */
public record Diagnostic(Severity severity, Code code, String message, String file, int line, int column,
                         String process, String field) {

    /** File order: by file, line, column, then errors before warnings, then message. */
    public static final Comparator<Diagnostic> ORDER = Comparator
            .comparing((Diagnostic d) -> Objects.toString(d.file(), ""))
            .thenComparingInt(Diagnostic::line)
            .thenComparingInt(Diagnostic::column)
            .thenComparing(Diagnostic::severity)
            .thenComparing(Diagnostic::message);

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        message = Printable.of(message);
        file = Printable.of(file);
        process = Printable.of(process);
        field = Printable.of(field);
    }

    public static Diagnostic error(Code code, String message, String file, int line, int column,
                                   String process, String field) {
        return new Diagnostic(Severity.ERROR, code, message, file, line, column, process, field);
    }

    public static Diagnostic warning(Code code, String message, String file, int line, int column,
                                     String process, String field) {
        return new Diagnostic(Severity.WARNING, code, message, file, line, column, process, field);
    }

    /**
     * The line {@code procrust check} prints for it (without colour):
     * {@code FILE:LINE:COL: error[code]: message (process "id")}.
     */
    public String toLine() {
        StringBuilder sb = new StringBuilder();
        sb.append(file);
        if (line > 0) {
            sb.append(':').append(line).append(':').append(column);
        }
        sb.append(": ").append(severity.wire()).append('[').append(code.wire()).append("]: ").append(message);
        if (process != null) {
            sb.append(" (process \"").append(process).append("\")");
        }
        return sb.toString();
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
