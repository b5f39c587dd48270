package procrust.config.read;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;
import procrust.config.RunAs;
import procrust.config.SourcePos;
import procrust.config.raw.RawRef;
import procrust.config.raw.RawRunAs;

/**
 * Reads {@code user}, {@code group}, {@code umask}, {@code env_file}, {@code stop_signal} and
 * {@code limits} of a table (an entry or the top level) and reports each malformed value at its
 * position. Whether a user, group or file exists on this host is not a question of form: the
 * validator asks it, as warnings.
 */
final class RunAsReader {

    /**
     * A user or group name as useradd and systemd accept them (letters, digits, '_', '.', '-', not
     * starting with '-' or '.', an optional final '$' for Samba machine accounts), or a numeric id.
     */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,30}\\$?");
    private static final Pattern NUMERIC = Pattern.compile("[0-9]+");
    private static final Pattern UMASK = Pattern.compile("0?[0-7]{3}");
    /** The largest uid/gid: 2^32 - 2 ((uid_t) -1 means "no change" to the kernel). */
    private static final long MAX_ID = 4_294_967_294L;

    private RunAsReader() {
    }

    /** The keys of an entry ({@code process}: {@code stop_signal} too) or of the top level. */
    static RawRunAs read(TableReader t, boolean process) {
        String user = identity(t, "user", "user");
        String group = identity(t, "group", "group");
        String umask = umask(t);
        List<RawRef> envFiles = envFiles(t);
        String signal = process ? signal(t) : null;
        Map<String, SourcePos> limitsAt = new LinkedHashMap<>();
        Map<String, Long> limits = limits(t, process ? "[process.limits]" : "[limits]", limitsAt);
        return new RawRunAs(user, group, umask, envFiles, signal, limits, limitsAt);
    }

    private static String identity(TableReader t, String key, String what) {
        Object v = t.get(key);
        if (v == null) {
            return null;
        }
        String s;
        if (v instanceof Long) {
            s = v.toString();
        } else if (v instanceof String) {
            s = (String) v;
        } else {
            t.invalid(key, "must be a " + what + " name or a numeric id; got " + TableReader.typeName(v));
            return null;
        }
        if (v instanceof Long && (Long) v < 0) {
            t.invalid(key, "is not a valid " + what + " id: ids are 0 or more; got " + v);
            return null;
        }
        if (NUMERIC.matcher(s).matches()) {
            if (s.length() > 10 || Long.parseLong(s) > MAX_ID) {
                t.invalid(key, "is not a valid " + what + " id: at most " + MAX_ID + "; got " + Durations.shorten(s));
                return null;
            }
            return s;
        }
        if (!NAME.matcher(s).matches()) {
            t.invalid(key, "must be a " + what + " name (up to 32 letters, digits, '_', '.' or '-', not starting with"
                    + " '-' or '.') or a numeric id; got \"" + Durations.shorten(s) + "\"");
            return null;
        }
        return s;
    }

    private static String umask(TableReader t) {
        Object v = t.get("umask");
        if (v == null) {
            return null;
        }
        if (v instanceof Long) {
            t.invalid("umask", "must be an octal string like \"0027\" (a TOML integer would be read in decimal); got "
                    + v);
            return null;
        }
        if (!(v instanceof String)) {
            t.invalid("umask", "must be an octal string like \"0027\"; got " + TableReader.typeName(v));
            return null;
        }
        String s = (String) v;
        if (!UMASK.matcher(s).matches()) {
            t.invalid("umask", "must be three or four octal digits like \"0027\" or \"077\"; got \""
                    + Durations.shorten(s) + "\"");
            return null;
        }
        return s.length() == 3 ? "0" + s : s;
    }

    private static List<RawRef> envFiles(TableReader t) {
        Object v = t.get("env_file");
        if (v == null) {
            return null;
        }
        SourcePos at = t.at().get("env_file");
        List<RawRef> out = new ArrayList<>();
        if (v instanceof String) {
            return path(t, at, (String) v, out) ? out : null;
        }
        if (!(v instanceof TomlArray)) {
            t.invalid("env_file", "must be a path or an array of paths; got " + TableReader.typeName(v));
            return null;
        }
        TomlArray a = (TomlArray) v;
        boolean ok = true;
        for (int i = 0; i < a.size(); i++) {
            Object e = a.get(i);
            SourcePos p = t.position(a.inputPositionOf(i));
            if (!(e instanceof String)) {
                t.invalidAt(p, "env_file", "must list paths as strings; element " + (i + 1) + " is "
                        + TableReader.typeName(e));
                ok = false;
            } else {
                ok &= path(t, p, (String) e, out);
            }
        }
        return ok ? out : null;
    }

    private static boolean path(TableReader t, SourcePos p, String s, List<RawRef> out) {
        if (s.isBlank() || s.indexOf('\0') >= 0) {
            t.invalidAt(p, "env_file", "must be a file path, not blank");
            return false;
        }
        out.add(new RawRef(s, p));
        return true;
    }

    private static String signal(TableReader t) {
        String s = t.string("stop_signal");
        if (s == null) {
            return null;
        }
        String name = s.startsWith("SIG") ? s.substring(3) : s;
        if (!RunAs.SIGNALS.contains(name)) {
            t.invalid("stop_signal", "must be one of " + String.join(", ", RunAs.SIGNALS) + " (upper case, SIG prefix optional); got \""
                    + Durations.shorten(s) + "\"");
            return null;
        }
        return name;
    }

    private static Map<String, Long> limits(TableReader t, String limitsName, Map<String, SourcePos> at) {
        TableReader l = t.table("limits", limitsName);
        if (l == null) {
            return null;
        }
        l.keys(Keys.LIMITS);
        TomlTable raw = l.raw();
        Map<String, Long> out = new LinkedHashMap<>();
        boolean ok = true;
        for (String k : raw.keySet()) {
            if (!l.at().containsKey(k)) {
                ok = false; // unknown: reported by keys()
                continue;
            }
            at.put(k, l.at().get(k));
            Object v = l.get(k);
            if (v instanceof Long && (Long) v >= 0) {
                out.put(k, (Long) v);
            } else if (v instanceof String && List.of("unlimited", "infinity").contains(((String) v).toLowerCase(Locale.ROOT))) {
                out.put(k, RunAs.UNLIMITED);
            } else {
                l.invalid(k, "must be a whole number >= 0 or \"unlimited\"; got "
                        + (v instanceof String ? "\"" + Durations.shorten((String) v) + "\"" : v instanceof Long
                        ? v.toString() : TableReader.typeName(v)));
                ok = false;
            }
        }
        return ok ? out : null;
    }
}
