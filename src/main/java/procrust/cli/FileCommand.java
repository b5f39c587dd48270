package procrust.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import procrust.config.CheckResult;

/**
 * A command about the procrust file: the common options through its parent command (no statics),
 * its streams, its {@code --output}, and the one way to refuse a file that is not valid: its
 * diagnostics, then a line saying what the command will not do.
 */
abstract class FileCommand implements Callable<Integer> {

    /** Where a command shows the diagnostics of the file. */
    enum Diagnostics {
        /** Text on stderr whenever there are any, warnings of a valid file included (apply, stop, start). */
        ALWAYS,
        /** Only when the file is invalid: the JSON document on stdout with {@code --output json}, else text on stderr. */
        WHEN_INVALID,
        /** Only when the file is invalid, as text on stderr without colour whatever the options (logs). */
        WHEN_INVALID_PLAIN
    }

    @ParentCommand
    Root main;

    @Spec
    CommandSpec spec;

    CommonOptions common() {
        return main.common;
    }

    Path file() {
        return common().configFile();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Standard output as bytes, for output passed through unchanged (logs). */
    PrintStream rawOut() {
        return main.rawOut();
    }

    /**
     * The {@code --output} given, when it is one of {@code allowed}; else a usage error (exit 2) with
     * {@code refusal}, in which {@code %s} stands for the value given.
     */
    Output output(String refusal, Output... allowed) {
        String given = common().output();
        Output o = Output.named(given);
        if (o == null || !List.of(allowed).contains(o)) {
            // one wording on every command (issue 19); the command's own words are kept for the source only
            List<String> names = List.of(allowed).stream().map(Output::name).toList();
            throw new CommandLine.ParameterException(spec.commandLine(), "--output " + given + " is not supported by `"
                    + spec.qualifiedName() + "`: it takes " + String.join(" or ", names));
        }
        return o;
    }

    /**
     * The refusal of a file that is not valid, naming its problem: {@code unsafe} when every error is
     * about who may change it ({@code insecure-file}), else {@code invalid}; then what the command did
     * not do. One wording for apply, start, stop and restart (issue 19).
     */
    static String refusal(java.nio.file.Path file, CheckResult r, String notDone) {
        boolean unsafe = r.diagnostics().stream().filter(d -> d.severity() == procrust.diag.Severity.ERROR)
                .allMatch(d -> d.code() == procrust.diag.Code.INSECURE_FILE);
        return file + (unsafe ? " is unsafe (others could change it, see above): " : " is invalid: ") + notDone
                + (unsafe ? "" : " (run `procrust check` for details)");
    }

    /**
     * Shows the diagnostics of {@code r} as {@code how} says and, when the file is not valid, then
     * {@code refusal} (when not null) on stderr: returns true when the command must stop there (exit 1).
     */
    boolean refused(CheckResult r, Diagnostics how, String refusal) {
        PrintWriter err = err();
        if (how == Diagnostics.ALWAYS && !r.diagnostics().isEmpty()) {
            CheckViews.text(r, file().toString(), common().color(), err);
        }
        if (r.valid()) {
            return false;
        }
        if (how == Diagnostics.WHEN_INVALID_PLAIN) {
            CheckViews.text(r, file().toString(), false, err);
        } else if (how == Diagnostics.WHEN_INVALID && Output.json.name().equals(common().output())) {
            // still one JSON document on stdout (SPEC §4): the diagnostics, as check prints them
            CheckViews.json(r, out());
            out().flush();
        } else if (how == Diagnostics.WHEN_INVALID) {
            CheckViews.text(r, file().toString(), common().color(), err);
        }
        if (refusal != null) {
            err.println("procrust: " + refusal);
        }
        out().flush();
        err.flush();
        return true;
    }
}
