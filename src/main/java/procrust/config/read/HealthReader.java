package procrust.config.read;

import java.util.ArrayList;
import java.util.List;
import procrust.config.Probe;
import procrust.config.raw.RawHealthCheck;
import procrust.config.raw.RawLiveness;
import procrust.diag.Code;

/**
 * {@code start_health_check} and {@code health_check} tables: each names exactly one probe (two or
 * none is an error at the table, or at the second probe key), and the probe's value must be usable
 * (a URL, a host:port, a regex: {@link Probe#check}).
 */
final class HealthReader {

    private static final List<Probe.Kind> START = List.of(Probe.Kind.COMMAND, Probe.Kind.HTTP, Probe.Kind.TCP,
            Probe.Kind.LOG_LINE);
    private static final List<Probe.Kind> LIVE = List.of(Probe.Kind.COMMAND, Probe.Kind.HTTP, Probe.Kind.TCP);

    private HealthReader() {
    }

    static RawHealthCheck start(TableReader t) {
        if (t == null) {
            return null;
        }
        t.keys(Keys.HEALTH_CHECK);
        Probe probe = probe(t, START, "start_health_check", "the process counts as started once it succeeds");
        return new RawHealthCheck(t.pos(), t.at(), probe, t.duration("timeout"), t.duration("interval"));
    }

    static RawLiveness liveness(TableReader t) {
        if (t == null) {
            return null;
        }
        t.keys(Keys.LIVENESS);
        Probe probe = probe(t, LIVE, "health_check", "tried while the process runs");
        return new RawLiveness(t.pos(), t.at(), probe, t.duration("interval"), t.duration("timeout"),
                t.integer("failures"));
    }

    /** The one probe of the table, or null (reported) when none, several, or an unusable one. */
    private static Probe probe(TableReader t, List<Probe.Kind> kinds, String table, String what) {
        List<Probe.Kind> present = new ArrayList<>();
        for (Probe.Kind k : kinds) {
            if (t.at().containsKey(k.key())) {
                present.add(k);
            }
        }
        String names = names(kinds);
        if (present.isEmpty()) {
            t.sink().error(Code.MISSING_FIELD, "`" + table + "` needs one of " + names + " (" + what + "), "
                    + "like { http = \"http://127.0.0.1:8080/health\" }", t.pos(), t.process(), table);
            return null;
        }
        if (present.size() > 1) {
            Probe.Kind second = present.get(1);
            t.invalid(second.key(), "cannot be given together with `" + present.get(0).key() + "`: `" + table
                    + "` takes exactly one of " + names + "; keep one");
            return null;
        }
        Probe.Kind kind = present.get(0);
        String value = t.string(kind.key());
        if (value == null) {
            return null; // not a string: reported
        }
        String wrong = Probe.check(kind, value);
        if (wrong != null) {
            t.invalid(kind.key(), wrong + "; got \"" + Durations.shorten(value) + "\"");
            return null;
        }
        return new Probe(kind, value);
    }

    private static String names(List<Probe.Kind> kinds) {
        List<String> n = new ArrayList<>();
        for (Probe.Kind k : kinds) {
            n.add("`" + k.key() + "`");
        }
        return String.join(", ", n.subList(0, n.size() - 1)) + " or " + n.get(n.size() - 1);
    }
}
