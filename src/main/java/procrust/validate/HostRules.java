package procrust.validate;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import procrust.config.raw.RawConfig;
import procrust.config.read.Sink;
import procrust.diag.Code;

/**
 * What only this host can tell: a {@code log_group} that names no group here is a warning
 * ({@code unknown-group}), not an error, since {@code check} often runs on another machine (CI) than
 * the one the file is for. apply then keeps the logs private and says so.
 */
final class HostRules {

    private HostRules() {
    }

    static void check(RawConfig raw, Sink sink) {
        String g = raw.logGroup();
        if (g == null || g.chars().allMatch(Character::isDigit) || !g.matches(GROUP)) {
            return; // a number is any group; a malformed name is an error of FieldRules
        }
        if (!exists(g)) {
            sink.warning(Code.UNKNOWN_GROUP, "`log_group` names group \"" + g + "\", which does not exist on this "
                    + "host: apply would keep the logs readable by procrust's user only", raw.posOf("log_group"),
                    null, "log_group");
        }
    }

    private static final String GROUP = "[A-Za-z_][A-Za-z0-9_.-]{0,31}\\$?";

    /** True when the system knows a group of this name (getgrnam, through the JDK). */
    static boolean exists(String group) {
        try {
            FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByGroupName(group);
            return true;
        } catch (UserPrincipalNotFoundException e) {
            return false;
        } catch (IOException | RuntimeException e) {
            return true; // cannot tell: no warning
        }
    }
}
