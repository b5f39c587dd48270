package procrust.cli;

import java.io.PrintWriter;
import java.util.List;
import procrust.diag.Diagnostic;

/** Diagnostics as one line each on stderr ({@code file:line:col: severity[code]: message}), for apply and status. */
final class DiagnosticLines {

    private DiagnosticLines() {
    }

    static void print(PrintWriter err, List<Diagnostic> diagnostics) {
        for (Diagnostic d : diagnostics) {
            err.println(d.file() + ":" + d.line() + ":" + d.column() + ": " + d.severity().wire() + "["
                    + d.code().wire() + "]: " + d.message());
        }
        err.flush();
    }
}
