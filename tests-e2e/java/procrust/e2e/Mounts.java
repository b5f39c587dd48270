package procrust.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A small tmpfs the test mounts for a log folder (full or read-only filesystems). Only root in a
 * namespace that allows mounts can; {@link #tryMount} says why not otherwise, for the test to skip with.
 */
final class Mounts {

    private Mounts() {
    }

    /** Mounts a tmpfs of {@code size} (like "256k") on {@code dir}; returns null, else why it could not. */
    static String tryMount(Path dir, String size) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Procrust.Result r = sh("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0700", "procrust-test", dir.toString());
        return r.exit() == 0 ? null : "cannot mount a tmpfs here (" + (r.err() + r.out()).strip()
                + "): needs root and a mount namespace that allows it";
    }

    /**
     * Makes {@code dir} read-only for every new open, the way a filesystem remounted read-only after an
     * error looks to a program: an empty read-only tmpfs is mounted over it (a real remount is refused
     * while a service holds its log open for writing; files open already keep their descriptors).
     */
    static void readOnly(Path dir, boolean ro) throws IOException, InterruptedException {
        Procrust.Result r = ro ? sh("mount", "-t", "tmpfs", "-o", "ro,size=16k,mode=0700", "procrust-test-ro", dir.toString())
                : sh("umount", dir.toString());
        if (r.exit() != 0) {
            throw new AssertionError((ro ? "read-only mount" : "unmount") + " failed: " + r);
        }
    }

    /** Unmounts everything mounted on {@code dir} by the test. */
    static void unmount(Path dir) throws IOException, InterruptedException {
        for (int i = 0; i < 3 && sh("umount", "-l", dir.toString()).exit() == 0; i++) {
            // stacked mounts: one at a time
        }
    }

    private static Procrust.Result sh(String... cmd) throws IOException, InterruptedException {
        return Cmd.run(Path.of("/"), java.util.Map.of(), false, java.time.Duration.ofSeconds(20), List.of(cmd));
    }

}
