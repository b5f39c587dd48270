package procrust.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import procrust.config.CheckResult;
import procrust.diag.Diagnostic;

/**
 * Renders a {@link CheckResult}: text ({@code FILE:LINE:COL: error[CODE]: message}, then a summary
 * line), JSON (SPEC §4, written with Jackson's streaming generator: no data-binding start-up cost),
 * or GitHub workflow annotations ({@code ::error file=...,line=...,col=...::message}).
 */
final class CheckViews {

    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String BOLD = "\u001b[1m";
    private static final String RESET = "\u001b[0m";

    private CheckViews() {
    }

    static void text(CheckResult r, String file, boolean color, PrintWriter out) {
        for (Diagnostic d : r.diagnostics()) {
            out.println(line(d, color));
        }
        out.println(summary(r, file));
    }

    /**
     * The {@code insecure-file} diagnostics of {@code r}, as {@code check} prints them: the commands that
     * only read the file (plan, status, graph, timeline) show them before their own output and go on.
     */
    static void insecure(CheckResult r, boolean color, PrintWriter err) {
        for (Diagnostic d : r.diagnostics()) {
            if (d.code() == procrust.diag.Code.INSECURE_FILE) {
                err.println(line(d, color));
            }
        }
        err.flush();
    }

    private static String line(Diagnostic d, boolean color) {
        StringBuilder sb = new StringBuilder();
        sb.append(d.file());
        if (d.line() > 0) {
            sb.append(':').append(d.line()).append(':').append(d.column());
        }
        sb.append(": ");
        String sev = d.severity().wire() + "[" + d.code().wire() + "]";
        sb.append(color ? (d.isError() ? RED : YELLOW) + BOLD + sev + RESET : sev);
        sb.append(": ").append(d.message());
        if (d.process() != null) {
            sb.append(" (process \"").append(d.process()).append("\")");
        }
        return sb.toString();
    }

    /**
     * "FILE: valid, 3 processes", "FILE: invalid: 2 errors, 1 warning", or "FILE: unsafe: 1 error" when
     * every error is about who may change the file.
     */
    static String summary(CheckResult r, String path) {
        String file = procrust.diag.Printable.of(path);
        long errors = r.diagnostics().stream().filter(Diagnostic::isError).count();
        long warnings = r.diagnostics().size() - errors;
        String w = warnings == 0 ? "" : ", " + plural(warnings, "warning");
        if (r.valid()) {
            int n = r.config().processes().size();
            return file + ": valid, " + plural(n, "process entry").replace("entrys", "entries") + w;
        }
        boolean unsafe = r.diagnostics().stream().filter(Diagnostic::isError)
                .allMatch(d -> d.code() == procrust.diag.Code.INSECURE_FILE);
        return file + (unsafe ? ": unsafe: " : ": invalid: ") + plural(errors, "error") + w;
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    static void json(CheckResult r, PrintWriter out) {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeBooleanField("valid", r.valid());
            g.writeArrayFieldStart("diagnostics");
            for (Diagnostic d : r.diagnostics()) {
                g.writeStartObject();
                g.writeStringField("severity", d.severity().wire());
                g.writeStringField("code", d.code().wire());
                g.writeStringField("message", d.message());
                g.writeStringField("file", d.file());
                g.writeNumberField("line", d.line());
                g.writeNumberField("column", d.column());
                g.writeStringField("process", d.process());
                g.writeStringField("field", d.field());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }

    static void github(CheckResult r, String file, PrintWriter out) {
        for (Diagnostic d : r.diagnostics()) {
            StringBuilder sb = new StringBuilder("::").append(d.isError() ? "error" : "warning");
            sb.append(" file=").append(property(d.file()));
            if (d.line() > 0) {
                sb.append(",line=").append(d.line()).append(",col=").append(d.column());
            }
            sb.append(",title=").append(property("procrust " + d.code().wire()));
            String msg = d.message() + (d.process() != null ? " (process \"" + d.process() + "\")" : "");
            sb.append("::").append(data(msg));
            out.println(sb);
        }
        out.println(summary(r, file));
    }

    /** Workflow command data escaping. */
    private static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Workflow command property escaping. */
    private static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
