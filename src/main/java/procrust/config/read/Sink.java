package procrust.config.read;

import java.util.ArrayList;
import java.util.List;
import procrust.config.SourcePos;
import procrust.diag.Code;
import procrust.diag.Diagnostic;

/** Collects the diagnostics of one file (one thread at a time: parallel work uses a sink each). */
public final class Sink {

    private final String file;
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    public Sink(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    public void error(Code code, String message, SourcePos pos, String process, String field) {
        diagnostics.add(Diagnostic.error(code, message, file, line(pos), column(pos), process, field));
    }

    public void warning(Code code, String message, SourcePos pos, String process, String field) {
        diagnostics.add(Diagnostic.warning(code, message, file, line(pos), column(pos), process, field));
    }

    public void add(Diagnostic d) {
        diagnostics.add(d);
    }

    public void addAll(List<Diagnostic> ds) {
        diagnostics.addAll(ds);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    private static int line(SourcePos pos) {
        return pos == null ? 0 : pos.line();
    }

    private static int column(SourcePos pos) {
        return pos == null ? 0 : pos.column();
    }
}
