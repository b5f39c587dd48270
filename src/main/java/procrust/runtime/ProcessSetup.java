package procrust.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who and how a spawned command runs, beyond its command line and environment.
 *
 * @param user   a user name or numeric uid; null: procrust's own
 * @param group  a group name or numeric gid; null: the user's primary group (procrust's own when
 *               {@code user} is null)
 * @param umask  four octal digits; null: procrust's own
 * @param limits RLIMIT_* by prlimit(1)'s lower-case name, soft = hard; a negative value is unlimited
 */
public record ProcessSetup(String user, String group, String umask, Map<String, Long> limits) {

    /** Everything as procrust's own. */
    public static final ProcessSetup INHERIT = new ProcessSetup(null, null, null, Map.of());

    public ProcessSetup {
        limits = limits == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(limits));
    }

    /** True when the file asks for another user or group than procrust's own (by name or id). */
    public boolean namesIdentity() {
        return user != null || group != null;
    }
}
