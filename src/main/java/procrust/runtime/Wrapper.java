package procrust.runtime;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Turns a {@link ProcessSetup} into shell words run just before the command, in the process that
 * becomes the command (each step execs: the pid, its start time, its session and its group stay):
 * {@code umask 0027; exec prlimit --nofile=N:N -- setpriv --reuid=U --regid=G --init-groups -- /bin/sh -c "$1"}.
 * Only the steps the setup needs are there; with none, just {@code exec /bin/sh -c "$1"}.
 *
 * <p>Why these tools: the shell's {@code umask} is a builtin (free); util-linux's {@code prlimit} sets
 * any RLIMIT_* by name, soft and hard, before privileges are dropped (raising a hard limit needs
 * root), which dash's {@code ulimit} cannot for half of them; util-linux's {@code setpriv} sets the
 * real, effective and saved uid and gid and the supplementary groups (initgroups(3)) and execs, with
 * no fork and no PAM session, unlike {@code su}/{@code runuser}, and without native code in procrust.
 */
final class Wrapper {

    /** The shell words (ending in {@code /bin/sh -c "$1"}) and the variables the new user needs. */
    record Words(String prelude, Map<String, String> env) {

        /** True when nothing runs before the command: {@code /bin/sh -c COMMAND} does the same. */
        boolean bare() {
            return prelude.equals(BARE);
        }
    }

    static final String BARE = "exec /bin/sh -c \"$1\"";

    private final Accounts accounts;
    private final Accounts.Self self;

    Wrapper(Accounts accounts, Accounts.Self self) {
        this.accounts = accounts;
        this.self = self;
    }

    Words of(ProcessSetup s) throws IOException {
        StringBuilder sh = new StringBuilder();
        Map<String, String> env = new LinkedHashMap<>();
        if (s.umask() != null) {
            sh.append("umask ").append(s.umask()).append("; ");
        }
        sh.append("exec ");
        if (!s.limits().isEmpty()) {
            sh.append(tool("prlimit", "limits"));
            for (Map.Entry<String, Long> e : s.limits().entrySet()) {
                String v = e.getValue() < 0 ? "unlimited" : e.getValue().toString();
                sh.append(" --").append(e.getKey()).append('=').append(v).append(':').append(v);
            }
            sh.append(" -- ");
        }
        List<String> setpriv = identity(s, env);
        if (setpriv != null) {
            sh.append(tool("setpriv", "user and group"));
            for (String a : setpriv) {
                sh.append(' ').append(a);
            }
            sh.append(" -- ");
        }
        sh.append("/bin/sh -c \"$1\"");
        return new Words(sh.toString(), env);
    }

    /** The setpriv arguments, or null when the process runs as procrust's own user and group. */
    private List<String> identity(ProcessSetup s, Map<String, String> env) throws IOException {
        if (!s.namesIdentity()) {
            return null;
        }
        Optional<Accounts.User> entry;
        long uid;
        if (s.user() != null) {
            entry = accounts.user(s.user());
            if (entry.isEmpty() && !numeric(s.user())) {
                throw new IOException("user `" + s.user() + "` does not exist on this host (getent passwd finds "
                        + "nothing): create it, or change `user`");
            }
            uid = entry.map(Accounts.User::uid).orElseGet(() -> Long.parseLong(s.user()));
        } else {
            uid = self.uid();
            entry = accounts.user(Long.toString(uid));
        }
        long gid;
        if (s.group() != null) {
            OptionalLong g = accounts.group(s.group());
            if (g.isEmpty() && !numeric(s.group())) {
                throw new IOException("group `" + s.group() + "` does not exist on this host (getent group finds "
                        + "nothing): create it, or change `group`");
            }
            gid = g.isPresent() ? g.getAsLong() : Long.parseLong(s.group());
        } else if (s.user() != null) {
            gid = entry.map(Accounts.User::gid).orElse(uid); // a bare numeric uid: its own number, as systemd
        } else {
            gid = self.gid();
        }
        if (uid == self.uid() && gid == self.gid()) {
            return null;
        }
        if (!self.root()) {
            throw new RefusedStart("refused: runs as " + who(s, uid, gid) + ", but procrust runs as uid " + self.uid()
                    + ", not root: only root can start a process as another user or group (run apply as root, or "
                    + "remove `user`/`group` from the entry)");
        }
        if (s.user() != null && entry.isPresent()) {
            Accounts.User u = entry.get();
            env.put("HOME", u.home());
            env.put("USER", u.name());
            env.put("LOGNAME", u.name());
            env.put("SHELL", u.shell());
        }
        List<String> args = new ArrayList<>(List.of("--reuid=" + uid, "--regid=" + gid));
        args.add(entry.isPresent() ? "--init-groups" : "--clear-groups");
        return args;
    }

    private static String who(ProcessSetup s, long uid, long gid) {
        String u = s.user() != null ? "user `" + s.user() + "` (uid " + uid : "uid " + uid;
        return s.group() != null ? u + (s.user() != null ? ")" : "") + " with group `" + s.group() + "` (gid " + gid + ")"
                : u + (s.user() != null ? ", gid " + gid + ")" : " with gid " + gid);
    }

    private static boolean numeric(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static String tool(String name, String what) throws IOException {
        String path = Tools.find(name);
        if (path == null) {
            throw new IOException(name + " (util-linux) is not installed: procrust needs it to set " + what
                    + " (apt-get install util-linux)");
        }
        return path;
    }
}
