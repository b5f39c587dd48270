package procrust.security;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import procrust.diag.Code;
import procrust.diag.Diagnostic;

/**
 * The folders and files procrust writes (state, lock, logs) are private to the user it runs as:
 * folders 0700 and files 0600 whatever the umask (SPEC §5). A permission given at creation is
 * filtered by the umask, so each is also set explicitly afterwards.
 *
 * <p>procrust refuses to write into a folder that is a symbolic link, belongs to another user, or is
 * writable by group or others: there, another user could plant a link named like a log file and have
 * procrust (perhaps root) append to a file of their choosing. Refusals are diagnostics of code
 * {@code insecure-file}; I/O failures are exceptions.
 */
public final class PrivateFiles {

    public static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final FileAttribute<Set<PosixFilePermission>> DIR_ATTR = PosixFilePermissions.asFileAttribute(DIR);
    private static final FileAttribute<Set<PosixFilePermission>> FILE_ATTR = PosixFilePermissions.asFileAttribute(FILE);

    private PrivateFiles() {
    }

    /**
     * Makes {@code dir} a folder procrust may write into, as {@code euid}. Missing, it is created 0700
     * (missing parents too, each 0700). Present, it must be a real folder (not a link) owned by
     * {@code euid} and not writable by group or others. With {@code tighten} (folders procrust names
     * itself, such as {@code DIR/<uid>} and its {@code logs}), an existing folder is also set to 0700;
     * a folder the user named (a {@code --state-dir} or {@code --log-dir}) keeps its mode.
     *
     * @return why the folder was refused, or empty when it is fine
     */
    public static Optional<Diagnostic> ensureDir(Path dir, int euid, boolean tighten) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            createDirs(dir); // then checked like any existing folder: another process may have won
        }
        if (Files.isSymbolicLink(dir)) {
            return refuse(dir, "the folder " + dir + " is a symbolic link (to " + Files.readSymbolicLink(dir)
                    + "); procrust keeps its state and logs only in a real folder, so that no one can redirect "
                    + "them. Fix: point --state-dir or --log-dir at the real folder");
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return refuse(dir, dir + " exists and is not a folder. Fix: move it away or choose another folder");
        }
        int owner = Owner.of(dir);
        if (owner != euid) {
            return refuse(dir, "the folder " + dir + " belongs to " + Owner.describe(owner) + ", not to "
                    + Owner.describe(euid) + " that procrust runs as. Fix: chown " + euid + " " + dir
                    + ", or choose a folder of your own");
        }
        int mode = Owner.modeOf(dir);
        if (tighten) {
            Files.setPosixFilePermissions(dir, DIR);
        } else if ((mode & 0022) != 0) {
            return refuse(dir, "the folder " + dir + " is writable by group or others (mode "
                    + ConfigPermissions.octal(mode) + "); they could plant links there. Fix: chmod 700 " + dir);
        }
        return Optional.empty();
    }

    /** Every refusal of {@link #ensureDir} for several folders, in order (stops at none). */
    public static List<Diagnostic> ensureDirs(int euid, boolean tighten, Path... dirs) throws IOException {
        List<Diagnostic> out = new ArrayList<>();
        for (Path d : dirs) {
            ensureDir(d, euid, tighten).ifPresent(out::add);
        }
        return out;
    }

    /**
     * Makes {@code file} a private file to append to: created 0600 when missing; present, it must be
     * a regular file (not a link) owned by {@code euid}, and is set to 0600.
     */
    public static Optional<Diagnostic> ensureFile(Path file, int euid) throws IOException {
        try {
            Files.createFile(file, FILE_ATTR);
        } catch (FileAlreadyExistsException e) {
            if (Files.isSymbolicLink(file) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return refuse(file, file + " is not a regular file (a link or something else); procrust "
                        + "writes only to files it created. Fix: remove it");
            }
            int owner = Owner.of(file);
            if (owner != euid) {
                return refuse(file, "the file " + file + " belongs to " + Owner.describe(owner) + ", not to "
                        + Owner.describe(euid) + ". Fix: remove it or chown " + euid + " " + file);
            }
        }
        Files.setPosixFilePermissions(file, FILE);
        return Optional.empty();
    }

    /** A new, empty, 0600 file in {@code dir} with a unique name (for write-then-rename). */
    public static Path createTempFile(Path dir, String prefix, String suffix) throws IOException {
        Path tmp = Files.createTempFile(dir, prefix, suffix, FILE_ATTR);
        Files.setPosixFilePermissions(tmp, FILE);
        return tmp;
    }

    private static void createDirs(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath();
        Path parent = abs.getParent();
        if (parent != null && !Files.exists(parent)) {
            createDirs(parent);
        }
        try {
            Files.createDirectory(abs, DIR_ATTR);
        } catch (FileAlreadyExistsException e) {
            return; // made meanwhile by another procrust: ensureDir's checks apply on the next call
        }
        Files.setPosixFilePermissions(abs, DIR);
    }

    private static Optional<Diagnostic> refuse(Path path, String message) {
        return Optional.of(Diagnostic.error(Code.INSECURE_FILE, message, path.toString(), 0, 0, null, null));
    }
}
