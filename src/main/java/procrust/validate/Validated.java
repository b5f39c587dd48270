package procrust.validate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The texts in which Hibernate Validator found nothing wrong, remembered per user so that the commands
 * that read the file again and again ({@code status}, {@code plan}, {@code tui}, {@code stop}...) do
 * not bootstrap it (its bootstrap is most of their start-up: docs/benchmarks.md#start-up) to be told
 * the same again. A text is remembered under the SHA-256 of itself and of what decides the answer:
 * procrust's jar and Hibernate Validator's (path, size, time), and the JVM (its time-zone names
 * decide {@code timezone}). Every other rule (references, cycles, versions, the host) runs every time.
 * <p>
 * An empty file per text in {@code $XDG_CACHE_HOME/procrust/validated} (else
 * {@code ~/.cache/procrust/validated}; as root {@code /var/cache/procrust/validated}), trusted only
 * when the folder belongs to this user and only they may write it. Without a jar (tests run from
 * classes), a home or a usable folder, nothing is remembered and every check runs in full.
 */
final class Validated {

    /** Past this many remembered texts, the oldest half is forgotten. */
    static final int KEEP = 256;

    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");

    private final Path dir;
    private final String identity;

    Validated(Path dir, String identity) {
        this.dir = dir;
        this.identity = identity;
    }

    /** The cache of this user and this build, or null when there is none to use. */
    static Validated open() {
        try {
            String identity = identity();
            Path dir = folder(System.getenv());
            return identity == null || dir == null ? null : new Validated(dir, identity);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** True when {@code text} was remembered (by this user, with this build) as passing. */
    boolean knows(String text) {
        try {
            Path marker = dir.resolve(key(text));
            return trusted() && Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Remembers that {@code text} passes; best effort, quietly. */
    void remember(String text) {
        try {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(dir.getParent());
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PRIVATE));
            }
            if (!trusted()) {
                return;
            }
            try {
                Files.createFile(dir.resolve(key(text)));
            } catch (FileAlreadyExistsException e) {
                return;
            }
            prune();
        } catch (IOException | RuntimeException e) {
            // a read-only or full disk: the next command checks in full
        }
    }

    /** The folder belongs to this process's user and no one else may write in it. */
    private boolean trusted() throws IOException {
        Map<String, Object> a = Files.readAttributes(dir, "unix:uid,mode", LinkOption.NOFOLLOW_LINKS);
        Object self = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        int mode = (Integer) a.get("mode");
        return a.get("uid").equals(self) && (mode & 0022) == 0 && Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS);
    }

    private void prune() throws IOException {
        List<Path> all = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            s.forEach(all::add);
        }
        if (all.size() <= KEEP) {
            return;
        }
        List<Map.Entry<FileTime, Path>> byAge = new ArrayList<>();
        for (Path p : all) {
            byAge.add(Map.entry(Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS), p));
        }
        byAge.sort(Map.Entry.comparingByKey());
        for (int i = 0; i < byAge.size() - KEEP / 2; i++) {
            Files.deleteIfExists(byAge.get(i).getValue());
        }
    }

    String key(String text) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(identity.getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
            d.update(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the cache lives for this user, or null without a home. */
    static Path folder(Map<String, String> env) {
        Path base;
        String xdg = env.get("XDG_CACHE_HOME");
        String home = env.get("HOME");
        if (isRoot()) {
            base = Path.of("/var/cache/procrust");
        } else if (xdg != null && xdg.startsWith("/")) {
            base = Path.of(xdg, "procrust");
        } else if (home != null && home.startsWith("/")) {
            base = Path.of(home, ".cache", "procrust");
        } else {
            return null;
        }
        return base.resolve("validated");
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** What decides Hibernate Validator's answer besides the text; null when not run from jars. */
    private static String identity() {
        String procrust = jar(Validated.class);
        String hv = jar(jakarta.validation.Validator.class) + "|" + jar(org.hibernate.validator.HibernateValidator.class);
        if (procrust == null || hv.contains("null")) {
            return null;
        }
        return procrust + "|" + hv + "|" + System.getProperty("java.home") + "|" + System.getProperty("java.vm.version");
    }

    private static String jar(Class<?> c) {
        try {
            Path p = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!p.toString().endsWith(".jar") || !Files.isRegularFile(p)) {
                return null;
            }
            return p + ":" + Files.size(p) + ":" + Files.getLastModifiedTime(p).toMillis();
        } catch (Exception e) {
            return null;
        }
    }
}
