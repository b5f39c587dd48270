package procrust.plan;

import procrust.config.RunAs;

/**
 * Who procrust itself runs as, so the plan can say beforehand that a start will be refused: only root
 * may start a process as another user or group (SPEC §6).
 *
 * @param uid   effective uid; -1 when unknown (then nothing is claimed)
 * @param gid   effective gid
 * @param user  the user's name, or null
 * @param group the primary group's name, or null
 */
public record ProcrustUser(long uid, long gid, String user, String group) {

    /** Unknown: the plan claims no refusal. */
    public static final ProcrustUser UNKNOWN = new ProcrustUser(-1, -1, null, null);

    public boolean root() {
        return uid == 0;
    }

    /**
     * Why a start of an entry with these settings will be refused, or null when it will not: procrust
     * is root, or the entry names procrust's own user and group (by name or number). A name that is
     * another spelling of the same id is only known at the start, which then runs it.
     */
    public String refusal(RunAs r) {
        if (uid < 0 || root() || !r.switchesIdentity()) {
            return null;
        }
        boolean sameUser = r.user() == null || r.user().equals(user) || r.user().equals(Long.toString(uid));
        boolean sameGroup = r.group() == null || r.group().equals(group) || r.group().equals(Long.toString(gid));
        if (sameUser && sameGroup) {
            return null;
        }
        String asked = (r.user() != null ? "user `" + r.user() + "`" : "")
                + (r.user() != null && r.group() != null ? " and " : "")
                + (r.group() != null ? "group `" + r.group() + "`" : "");
        return "will be refused: it runs as " + asked + ", but procrust runs as " + (user != null ? user : "uid " + uid)
                + ", not root";
    }
}
