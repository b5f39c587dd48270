package procrust.state;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One apply per uid on the host, whatever {@code --state-dir} each was given: an fcntl lock on
 * {@code <uid>.lock} in a folder that does not depend on the state dir: {@code /run/procrust/} as root,
 * {@code $XDG_RUNTIME_DIR/procrust/} otherwise, or {@code /tmp/procrust-<unix uid>/} (0700, ours) where
 * no runtime dir is set (as tmux does). Taken before the state dir's own {@link ApplyLock}. The file
 * records who holds it (pid, state dir, config file, log dir) so that a second apply, and
 * {@code status} run with another state dir, can name them; whether someone holds it is asked of the
 * kernel ({@code /proc/locks}), never inferred from the content. The kernel drops it when the
 * holder dies (kill -9 included).
 */
public final class HostLock implements AutoCloseable {

    private static final JsonFactory JSON = new JsonFactory();
    private static final String SUFFIX = ".lock";

    /** What an apply records of itself in the lock file. */
    public record Info(long pid, String uid, Path stateDir, Path configFile, Path logDir) {
    }

    /** The outcome of {@link #tryAcquire}: the lock, or who holds it (its info may be partly unknown). */
    public record Attempt(HostLock lock, Info holder) {
        public boolean acquired() {
            return lock != null;
        }
    }

    private final ApplyLock.Held held;

    private HostLock(ApplyLock.Held held) {
        this.held = held;
    }

    /** The folder for this process's user and environment. */
    public static Path dir() {
        return dir(System.getenv(), StateDirs.isRoot(), unixUid());
    }

    static Path dir(Map<String, String> env, boolean root, long unixUid) {
        if (root) {
            return Path.of("/run/procrust");
        }
        String xdg = env.get("XDG_RUNTIME_DIR");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() && Files.isDirectory(Path.of(xdg))) {
            return Path.of(xdg, "procrust");
        }
        return Path.of(System.getProperty("java.io.tmpdir", "/tmp"), "procrust-" + unixUid);
    }

    public static Attempt tryAcquire(Info me) throws IOException {
        return tryAcquire(dir(), me);
    }

    static Attempt tryAcquire(Path dir, Info me) throws IOException {
        ensurePrivateDir(dir);
        Path f = file(dir, me.uid());
        ApplyLock.Held h = ApplyLock.Held.take(f, write(me));
        if (h == null) {
            Info held = holder(dir, me.uid()).orElse(new Info(-1, me.uid(), null, null, null));
            return new Attempt(null, held);
        }
        return new Attempt(new HostLock(h), me);
    }

    /** The apply running for {@code uid} now, with what it recorded; empty when none runs. */
    public static Optional<Info> holder(String uid) {
        return holder(dir(), uid);
    }

    static Optional<Info> holder(Path dir, String uid) {
        Path f;
        try {
            f = file(dir, uid);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        OptionalLong pid = ApplyLock.lockHolder(f);
        if (pid.isEmpty()) {
            return Optional.empty();
        }
        Info read = read(f);
        if (read == null || read.pid() != pid.getAsLong()) {
            return Optional.of(new Info(pid.getAsLong(), uid, null, null, null)); // being rewritten
        }
        return Optional.of(read);
    }

    /** Every apply running now for this user (whatever its uid). */
    public static List<Info> running() {
        return running(dir());
    }

    static List<Info> running(Path dir) {
        List<Info> out = new ArrayList<>();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                holder(dir, name.substring(0, name.length() - SUFFIX.length())).ifPresent(out::add);
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    private static Path file(Path dir, String uid) {
        Path f = dir.resolve(uid + SUFFIX).normalize();
        if (!dir.normalize().equals(f.getParent()) || uid.isEmpty()) {
            throw new IllegalArgumentException("uid " + uid + " is not a plain name");
        }
        return f;
    }

    /** Makes the folder 0700 when missing; refuses one that is a link or another user's. */
    private static void ensurePrivateDir(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            StateStore.ensureDir(dir);
            return;
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(dir + " (the host-wide apply locks) is not a folder: remove it");
        }
        long owner = ((Number) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();
        if (owner != unixUid()) {
            throw new IOException(dir + " (the host-wide apply locks) belongs to another user (uid " + owner
                    + "): remove it or set XDG_RUNTIME_DIR");
        }
        Files.setPosixFilePermissions(dir, StateStore.DIR_MODE);
    }

    static byte[] write(Info i) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("pid", i.pid());
            g.writeStringField("uid", i.uid());
            g.writeStringField("state_dir", str(i.stateDir()));
            g.writeStringField("config", str(i.configFile()));
            g.writeStringField("log_dir", str(i.logDir()));
            g.writeEndObject();
        }
        out.write('\n');
        return out.toByteArray();
    }

    private static String str(Path p) {
        return p == null ? null : p.toAbsolutePath().normalize().toString();
    }

    /** The recorded info, or null when the file is not (yet) one. */
    static Info read(Path f) {
        long pid = -1;
        String uid = null;
        String state = null;
        String config = null;
        String logs = null;
        try (JsonParser p = JSON.createParser(Files.readAllBytes(f))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.getCurrentName();
                JsonToken t = p.nextToken();
                if ("pid".equals(name) && t == JsonToken.VALUE_NUMBER_INT) {
                    pid = p.getLongValue();
                } else if (t == JsonToken.VALUE_STRING) {
                    switch (name) {
                        case "uid" -> uid = p.getText();
                        case "state_dir" -> state = p.getText();
                        case "config" -> config = p.getText();
                        case "log_dir" -> logs = p.getText();
                        default -> { }
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return uid == null ? null : new Info(pid, uid, path(state), path(config), path(logs));
    }

    private static Path path(String s) {
        return s == null ? null : Path.of(s);
    }

    /** This process's real user id (from /proc/self/status). */
    static long unixUid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return Long.parseLong(line.split("\\s+")[1]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        held.close();
    }
}
