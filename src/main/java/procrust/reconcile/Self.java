package procrust.reconcile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import procrust.plan.ProcrustUser;

/**
 * Who this procrust runs as, for the planner ({@link ProcrustUser}): the owner and group of
 * {@code /proc/self} are the process's effective uid and gid; their names come through the JDK's
 * name-service lookup, so reading them spawns nothing. Read once: a process's identity does not change.
 */
final class Self {

    private static volatile ProcrustUser cached;

    private Self() {
    }

    static ProcrustUser get() {
        ProcrustUser u = cached;
        if (u == null) {
            u = read();
            cached = u;
        }
        return u;
    }

    private static ProcrustUser read() {
        Path self = Path.of("/proc/self");
        try {
            long uid = ((Number) Files.getAttribute(self, "unix:uid")).longValue();
            long gid = ((Number) Files.getAttribute(self, "unix:gid")).longValue();
            PosixFileAttributes a = Files.readAttributes(self, PosixFileAttributes.class);
            String user = a.owner().getName();
            String group = a.group().getName();
            return new ProcrustUser(uid, gid, user, group);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return ProcrustUser.UNKNOWN;
        }
    }
}
