package procrust.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import procrust.diag.Diagnostic;
import procrust.security.Owner;
import procrust.security.PrivateFiles;

/**
 * Before a command writes state or logs (apply, stop, start): the state folder, the uid's folder and
 * the log folder must be real folders of procrust's user that nobody else can write (SPEC §5);
 * missing ones are created 0700. The folders procrust names itself are set to 0700; those the user
 * named keep their mode.
 */
final class StateGate {

    private StateGate() {
    }

    /** True when the folders are fine; else prints why (with the fix) and returns false. */
    static boolean check(Path base, Path uidDir, Path logDir, boolean logDirNamed, PrintWriter err) throws IOException {
        int euid = Owner.effectiveUid();
        List<Diagnostic> problems = new java.util.ArrayList<>(PrivateFiles.ensureDirs(euid, false, base));
        if (problems.isEmpty()) {
            problems.addAll(PrivateFiles.ensureDirs(euid, true, uidDir));
        }
        if (problems.isEmpty()) {
            PrivateFiles.ensureDir(logDir, euid, !logDirNamed).ifPresent(problems::add);
        }
        for (Diagnostic d : problems) {
            err.println("procrust: refused: " + d.message());
        }
        err.flush();
        return problems.isEmpty();
    }
}
