package procrust.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import procrust.diag.Code;
import procrust.diag.Diagnostic;
import procrust.diag.Severity;

/**
 * Is a config file safe to run commands from as root? procrust runs every {@code command} of the file
 * as the user it runs as, so whoever can change the file, or replace it, can run commands as that
 * user (SPEC §5). Like OpenSSH's StrictModes, this looks at the file and at every folder above it:
 * <ul>
 *   <li>the file must be owned by the user procrust runs as and not writable by group or others;</li>
 *   <li>each folder above it (the folders of the path as given and of the real path, when links are
 *       involved) must be owned by that user or root and not writable by group or others, unless
 *       it has the sticky bit (like {@code /tmp}), which stops others from replacing the file.</li>
 * </ul>
 * Symbolic links themselves are not judged (their own mode means nothing); the folder holding each
 * link is. A missing file yields no diagnostic here: reading it reports that.
 */
public final class ConfigPermissions {

    private static final int GROUP_WRITE = 0020;
    private static final int OTHER_WRITE = 0002;
    private static final int STICKY = 01000;

    private ConfigPermissions() {
    }

    /**
     * The problems of {@code file} when procrust runs as root; none when this process is not root
     * (SPEC §5 asks for the check as root only: a user can only harm themselves).
     */
    public static List<Diagnostic> whenRoot(Path file, Severity severity) throws IOException {
        return Owner.effectiveUid() == Owner.ROOT ? problems(file, Owner.ROOT, severity) : List.of();
    }

    /**
     * Every reason why {@code file} is unsafe to run commands from as {@code runAs}, each a diagnostic
     * of code {@code insecure-file} with the given severity (errors for apply, start and stop; the
     * read-only commands may choose warnings).
     */
    public static List<Diagnostic> problems(Path file, int runAs, Severity severity) throws IOException {
        Path given = file.toAbsolutePath().normalize();
        Path real;
        try {
            real = given.toRealPath();
        } catch (NoSuchFileException e) {
            return List.of();
        }
        String shown = file.toString();
        List<Diagnostic> out = new ArrayList<>();
        int owner = Owner.of(real);
        int mode = Owner.modeOf(real);
        String who = runAs == Owner.ROOT ? "root" : "uid " + Owner.describe(runAs);
        if (owner != runAs) {
            out.add(diag(severity, shown, "the config file " + real + " is owned by " + Owner.describe(owner)
                    + ", not by " + who + " that procrust runs as; its owner could run any command as " + who
                    + ". Fix: chown " + (runAs == Owner.ROOT ? "root" : Integer.toString(runAs)) + " " + real));
        }
        if ((mode & (GROUP_WRITE | OTHER_WRITE)) != 0) {
            out.add(diag(severity, shown, "the config file " + real + " is writable by " + whoElse(mode)
                    + " (mode " + octal(mode) + "); they could run any command as " + who
                    + ". Fix: chmod go-w " + real));
        }
        Set<Path> dirs = new LinkedHashSet<>();
        addAncestors(dirs, given);
        addAncestors(dirs, real);
        for (Path dir : dirs) {
            if (Files.isSymbolicLink(dir)) {
                continue;
            }
            int dirOwner = Owner.of(dir);
            int dirMode = Owner.modeOf(dir);
            if (dirOwner != runAs && dirOwner != Owner.ROOT) {
                out.add(diag(severity, shown, "the folder " + dir + " above the config file is owned by "
                        + Owner.describe(dirOwner) + ", who could replace the file and run any command as "
                        + who + ". Fix: keep the file in a folder owned by root, such as /etc/procrust"));
            } else if ((dirMode & (GROUP_WRITE | OTHER_WRITE)) != 0 && (dirMode & STICKY) == 0) {
                out.add(diag(severity, shown, "the folder " + dir + " above the config file is writable by "
                        + whoElse(dirMode) + " (mode " + octal(dirMode) + "), who could replace the file and run "
                        + "any command as " + who + ". Fix: chmod go-w " + dir));
            }
        }
        return out;
    }

    private static void addAncestors(Set<Path> dirs, Path path) {
        for (Path p = path.getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                dirs.add(p);
            }
        }
    }

    private static String whoElse(int mode) {
        boolean g = (mode & GROUP_WRITE) != 0;
        boolean o = (mode & OTHER_WRITE) != 0;
        return g && o ? "its group and others" : g ? "its group" : "others";
    }

    static String octal(int mode) {
        return String.format("%04o", mode & 07777);
    }

    private static Diagnostic diag(Severity severity, String file, String message) {
        // one sentence whatever the command (issue 19): check, plan and status warn, apply, start, stop and
        // restart refuse, and every one of them says it in the same words
        return new Diagnostic(severity, Code.INSECURE_FILE, message + " (apply, start, stop and restart refuse such a "
                + "file)", file, 0, 0, null, null);
    }
}
