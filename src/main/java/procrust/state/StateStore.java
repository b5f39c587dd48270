package procrust.state;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * Reads and writes {@code DIR/<uid>/state.json}. Writes are atomic and durable: a temporary file in
 * the same folder, fsync, rename over the old file, fsync of the folder. Folders are 0700 and files
 * 0600 whatever the umask. A file that cannot be read as a state file is moved aside (never deleted)
 * and reported; procrust then knows nothing, so it signals nothing.
 */
public final class StateStore {

    public static final String FILE_NAME = "state.json";
    static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    /** Larger files are refused unread (a record is under 1 KiB: this is over 60,000 processes). */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    /** What a load found: the state (empty when nothing usable), and a problem to report, or null. */
    public record Loaded(StateFile state, String problem) {
    }

    private final Path uidDir;
    private final String uid;
    private final Clock clock;

    public StateStore(Path uidDir, String uid, Clock clock) {
        this.uidDir = uidDir;
        this.uid = uid;
        this.clock = clock;
    }

    public Path file() {
        return uidDir.resolve(FILE_NAME);
    }

    public Path uidDir() {
        return uidDir;
    }

    /**
     * Reads the state. When {@code repair} is true a corrupt file is renamed to
     * {@code state.json.corrupt-<time>} so that the next write does not destroy the evidence; when
     * false (status, plan) nothing on disk changes.
     */
    public Loaded load(boolean repair) throws IOException {
        Path f = file();
        String why = notAStateFile(f);
        if (why == null) {
            byte[] bytes = null;
            try {
                bytes = Files.readAllBytes(f);
            } catch (NoSuchFileException e) {
                return new Loaded(StateFile.empty(uid), null);
            } catch (IOException e) {
                why = "it cannot be read (" + e.getMessage() + ")";
            }
            if (bytes != null) {
                Loaded parsed = parse(bytes);
                if (parsed.problem() == null) {
                    return parsed;
                }
                why = parsed.problem();
            }
        } else if (why.isEmpty()) {
            return new Loaded(StateFile.empty(uid), null);
        }
        return damaged(f, why, repair);
    }

    /**
     * Why {@code f} cannot be a state file without reading it ("" when it does not exist, null when it
     * may be one): a folder, a FIFO (reading it would block for ever), a device or a symbolic link
     * (never followed: it could point anywhere), or a file larger than {@link #MAX_BYTES}.
     */
    private static String notAStateFile(Path f) throws IOException {
        java.nio.file.attribute.BasicFileAttributes a;
        try {
            a = Files.readAttributes(f, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return "";
        }
        if (a.isSymbolicLink()) {
            return "it is a symbolic link, which procrust does not follow in its private folder";
        }
        if (!a.isRegularFile()) {
            return "it is not a regular file (" + (a.isDirectory() ? "a folder" : "a FIFO, socket or device") + ")";
        }
        if (a.size() > MAX_BYTES) {
            return "it is too large (" + a.size() + " bytes; a state file is a few KiB per process)";
        }
        return null;
    }

    /** The state in {@code bytes}, or why they are not a state file of this uid and format. */
    private Loaded parse(byte[] bytes) {
        String why;
        try {
            StateFile s = StateJson.readState(bytes);
            if (s == null) {
                why = "it is empty";
            } else if (!uid.equals(s.uid())) {
                why = "it belongs to uid " + s.uid() + ", not " + uid;
            } else if (s.format() != StateFile.FORMAT) {
                why = "its format " + s.format() + " is not " + StateFile.FORMAT + " (written by another procrust version?)";
            } else {
                return new Loaded(s, null);
            }
        } catch (IOException | RuntimeException e) {
            why = "it is not a valid state file (" + firstLine(e.getMessage()) + ")";
        }
        return new Loaded(null, why);
    }

    private Loaded damaged(Path f, String why, boolean repair) throws IOException {
        String msg = "state file " + f + " is unusable: " + why;
        if (repair) {
            Path aside = f.resolveSibling(FILE_NAME + ".corrupt-"
                    + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(clock.instant()));
            Files.move(f, aside, StandardCopyOption.REPLACE_EXISTING);
            if (Files.isRegularFile(aside, LinkOption.NOFOLLOW_LINKS)) {
                Files.setPosixFilePermissions(aside, FILE_MODE); // kept as evidence, as private as the state
            }
            msg += "; moved to " + aside.getFileName() + ". Its records are lost: the services still running are "
                    + "found by their environment (PROCRUST_UID) and adopted or stopped, never started twice";
        }
        return new Loaded(StateFile.empty(uid), msg);
    }

    /** Writes the state atomically and durably. */
    public void save(StateFile state) throws IOException {
        ensureDir(uidDir);
        byte[] bytes = StateJson.write(state);
        Path tmp = uidDir.resolve(FILE_NAME + ".tmp-" + ProcessHandle.current().pid());
        try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING), PosixFilePermissions.asFileAttribute(FILE_MODE))) {
            Files.setPosixFilePermissions(tmp, FILE_MODE);
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        try {
            Files.move(tmp, file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        fsyncDir(uidDir);
    }

    /** Creates {@code dir} and its missing parents with mode 0700; an existing uid folder is set to 0700. */
    /**
     * Creates {@code dir} 0700 when missing (parents too); an existing folder keeps its mode: a log
     * folder the operator named (a group-readable one for a log shipper, say) is theirs to set. The
     * command checked it first (cli StateGate: procrust's own, not a link, not writable by others).
     */
    public static void createDir(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            ensureDir(dir);
        }
    }

    public static void ensureDir(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Path parent = dir.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                ensureDir(parent);
            }
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR_MODE));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // made meanwhile
            }
        }
        Files.setPosixFilePermissions(dir, DIR_MODE);
    }

    static void fsyncDir(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
