package procrust.logs;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalNotFoundException;

/**
 * Who may read a service's log (docs/operations.md "Log files and log_group"). By default only
 * procrust's user (0600). With {@code log_group}, the log is group-readable by that group (0640, group
 * changed with chown(-1, gid)), so a log shipper in it can read the logs without root; the rotated
 * copies get the same. Never through a symbolic link.
 */
public final class LogAccess {

    private LogAccess() {
    }

    /**
     * Makes {@code log} 0640 with group {@code group}; returns why not (it is then left 0600), or null.
     * procrust as root may give any group; another user only one it belongs to (EPERM otherwise).
     */
    public static String share(Path log, String group) {
        try {
            GroupPrincipal g = FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByGroupName(group);
            PosixFileAttributeView view = Files.getFileAttributeView(log, PosixFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS);
            view.setGroup(g);
            view.setPermissions(PosixFilePermissions.fromString("rw-r-----"));
            return null;
        } catch (UserPrincipalNotFoundException e) {
            return "log_group \"" + group + "\" is not a group of this host";
        } catch (IOException | RuntimeException e) {
            return "cannot give " + log.getFileName() + " to group \"" + group + "\" (" + e.getMessage()
                    + "): procrust must run as root or as a member of that group";
        }
    }

    /**
     * Why readers in {@code group} could not get to the files of {@code logDir} (the folder is not
     * theirs to enter and list: group {@code group} with r-x), or null when they can. procrust never
     * widens a folder itself: the operator names one (--log-dir) made for the purpose.
     */
    public static String folderProblem(Path logDir, String group) {
        try {
            GroupPrincipal g = FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByGroupName(group);
            PosixFileAttributes a = Files.readAttributes(logDir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            String mode = PosixFilePermissions.toString(a.permissions());
            if (a.group().equals(g) && mode.charAt(3) == 'r' && mode.charAt(5) == 'x') {
                return null;
            }
            return "log_group \"" + group + "\": the log folder " + logDir + " (" + mode + ", group "
                    + a.group().getName() + ") does not let that group in, so its members cannot read the logs. "
                    + "Fix: name a log folder of its own, e.g. install -d -m 2750 -g " + group
                    + " /var/log/procrust and --log-dir /var/log/procrust";
        } catch (IOException | RuntimeException e) {
            return null; // an unknown group is reported at each start
        }
    }
}
