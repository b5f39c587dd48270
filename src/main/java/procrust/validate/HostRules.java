package procrust.validate;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import procrust.config.SourcePos;
import procrust.config.raw.Located;
import procrust.config.raw.RawConfig;
import procrust.config.raw.RawProcess;
import procrust.config.raw.RawRef;
import procrust.config.raw.RawRunAs;
import procrust.config.read.Sink;
import procrust.diag.Code;

/**
 * What this host lacks, as warnings (the file is valid: a CI machine lacks the users, groups and
 * secrets of the hosts it is for): a {@code user} or {@code group} name the system does not know
 * (looked up through the name service, as {@code getent} does), an {@code env_file} that is missing or
 * unreadable, a {@code log_group} that names no group here (apply then keeps the logs private and
 * says so). Numeric ids are never warned about: any id can run a process. Fake entries are skipped.
 */
final class HostRules {

    private final Path dir;
    private final Sink sink;
    private final Map<String, Boolean> users = new HashMap<>();
    private final Map<String, Boolean> groups = new HashMap<>();

    private HostRules(Path dir, Sink sink) {
        this.dir = dir;
        this.sink = sink;
    }

    static void check(Path file, RawConfig raw, Sink sink) {
        logGroup(raw, sink);
        HostRules r = new HostRules(file.toAbsolutePath().getParent(), sink);
        r.check(raw, raw.runAs(), null);
        for (RawProcess p : raw.processes()) {
            if (!p.isFake()) {
                r.check(p, p.runAs(), p.id());
            }
        }
    }

    private void check(Located table, RawRunAs a, String process) {
        if (a.user() != null && !isNumeric(a.user()) && !known(users, a.user(), false)) {
            sink.warning(Code.UNKNOWN_USER, "`user` names \"" + a.user() + "\", which this host does not know: the "
                    + "start will fail here until the user exists (useradd --system " + a.user() + ")",
                    table.posOf("user"), process, "user");
        }
        if (a.group() != null && !isNumeric(a.group()) && !known(groups, a.group(), true)) {
            sink.warning(Code.UNKNOWN_GROUP, "`group` names \"" + a.group() + "\", which this host does not know: the "
                    + "start will fail here until the group exists (groupadd --system " + a.group() + "). `group` is "
                    + "the Unix group the process runs as; a free label for status and stop/start is `label`",
                    table.posOf("group"), process, "group");
        }
        List<RawRef> files = a.envFiles() == null ? List.of() : a.envFiles();
        for (RawRef f : files) {
            Path p = dir == null ? Path.of(f.id()) : dir.resolve(f.id()).normalize();
            String problem = !Files.exists(p) ? "does not exist"
                    : !Files.isRegularFile(p) ? "is not a regular file"
                    : !Files.isReadable(p) ? "cannot be read by this user" : null;
            if (problem != null) {
                SourcePos pos = f.pos() != null ? f.pos() : table.posOf("env_file");
                sink.warning(Code.MISSING_ENV_FILE, "`env_file` " + p + " " + problem + " here: a start fails while "
                        + "it does", pos, process, "env_file");
            }
        }
    }

    private static final String GROUP = "[A-Za-z_][A-Za-z0-9_.-]{0,31}\\$?";

    private static void logGroup(RawConfig raw, Sink sink) {
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

    /** True when the system knows a group of this name (getgrnam, through the JDK). */
    static boolean exists(String group) {
        return known(new HashMap<>(), group, true);
    }

    private static boolean isNumeric(String s) {
        return s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean known(Map<String, Boolean> cache, String name, boolean group) {
        return cache.computeIfAbsent(name, n -> {
            UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();
            try {
                if (group) {
                    lookup.lookupPrincipalByGroupName(n);
                } else {
                    lookup.lookupPrincipalByName(n);
                }
                return true;
            } catch (UserPrincipalNotFoundException e) {
                return false;
            } catch (IOException | RuntimeException e) {
                return true; // the name service failed: no claim either way
            }
        });
    }
}
