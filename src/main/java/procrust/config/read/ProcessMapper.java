package procrust.config.read;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;
import procrust.config.ApplyOn;
import procrust.config.ProcessType;
import procrust.config.RestartPolicy;
import procrust.config.SourcePos;
import procrust.config.raw.RawProcess;
import procrust.config.raw.RawRef;
import procrust.config.raw.RawRestart;
import procrust.config.raw.RawSchedule;
import procrust.diag.Code;

/** One {@code [[process]]} table into a {@link RawProcess}. */
final class ProcessMapper {

    private ProcessMapper() {
    }

    static RawProcess map(int index, TableReader t) {
        t.keys(Keys.PROCESS);
        String id = t.string("id");
        t.process(id);
        return new RawProcess(index, t.pos(), t.at(), id,
                t.string("command"),
                applyOn(t),
                type(t),
                dependsOn(t),
                t.string("working_dir"),
                env(t),
                t.duration("stop_timeout"),
                schedule(t.table("schedule", "[process.schedule]")),
                HealthReader.start(t.table("start_health_check", "[process.start_health_check]")),
                restart(t.table("restart", "[process.restart]")),
                t.string("group"),
                t.size("log_max_size"),
                t.integer("log_keep"),
                HealthReader.liveness(t.table("health_check", "[process.health_check]")));
    }

    private static ApplyOn applyOn(TableReader t) {
        Object v = t.get("apply_on");
        SourcePos p = t.at().get("apply_on");
        if (v == null) {
            return null;
        } else if (v instanceof String) {
            Parsed<ApplyOn> a = DateTimes.fromString((String) v);
            if (!a.ok()) {
                t.invalid("apply_on", a.error());
            }
            return a.value();
        } else if (v instanceof LocalDateTime) {
            return DateTimes.fromLiteral((LocalDateTime) v, p, t.src());
        } else if (v instanceof OffsetDateTime) {
            return DateTimes.fromLiteral((OffsetDateTime) v, p, t.src());
        } else if (v instanceof java.time.LocalDate) {
            t.invalid("apply_on", "must be a date-time, not only a date: add the time, as in " + v + "T00:00:00");
        } else {
            t.invalid("apply_on", "must be " + DateTimes.FORMS + "; got " + TableReader.typeName(v));
        }
        return null;
    }

    private static ProcessType type(TableReader t) {
        String s = t.string("type");
        if (s == null) {
            return null;
        }
        for (ProcessType type : ProcessType.values()) {
            if (type.wire().equals(s)) {
                return type;
            }
        }
        t.invalid("type", "must be \"normal\", \"oneshot\" or \"fake\"; got \"" + Durations.shorten(s) + "\"");
        return null;
    }

    private static List<RawRef> dependsOn(TableReader t) {
        TomlArray a = t.array("depends_on", "process ids");
        if (a == null) {
            return null;
        }
        List<RawRef> refs = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            Object v = a.get(i);
            SourcePos p = t.position(a.inputPositionOf(i));
            if (v instanceof String) {
                refs.add(new RawRef((String) v, p));
            } else {
                t.invalidAt(p, "depends_on", "must list process ids as strings; element " + (i + 1) + " is "
                        + TableReader.typeName(v));
            }
        }
        return refs;
    }

    private static Map<String, String> env(TableReader t) {
        TableReader e = t.table("env", "[process.env]");
        if (e == null) {
            return null;
        }
        TomlTable raw = e.raw();
        Map<String, String> env = new LinkedHashMap<>();
        for (String k : raw.keySet()) {
            List<String> key = List.of(k);
            Object v = raw.get(key);
            SourcePos p = t.position(raw.inputPositionOf(key));
            t.at().put("env." + k, p);
            if (v instanceof String) {
                env.put(k, (String) v);
            } else if (v instanceof Long || v instanceof Boolean) {
                env.put(k, v.toString());
            } else {
                t.invalidAt(p, "env." + k, "must be a string (numbers and booleans are also taken as text); got "
                        + TableReader.typeName(v));
            }
        }
        return env;
    }

    private static RawSchedule schedule(TableReader t) {
        if (t == null) {
            return null;
        }
        t.keys(Keys.SCHEDULE);
        LocalTime start = t.time("start_time", false);
        LocalTime stop = t.time("stop_time", true);
        return new RawSchedule(t.pos(), t.at(), start, stop, weekDays(t));
    }

    private static Set<DayOfWeek> weekDays(TableReader t) {
        Object v = t.get("week_days");
        if (v == null) {
            return null;
        }
        if (v instanceof String) {
            Parsed<Set<DayOfWeek>> d = Times.days((String) v);
            if (!d.ok()) {
                t.invalid("week_days", d.error());
            }
            return d.value();
        }
        if (!(v instanceof TomlArray)) {
            t.invalid("week_days", "must be an array of days like [\"mon\", \"wed-fri\"], a range like \"mon-fri\", "
                    + "or \"all\"; got " + TableReader.typeName(v));
            return null;
        }
        TomlArray a = (TomlArray) v;
        if (a.isEmpty()) {
            t.invalid("week_days", "lists no day, so the process would never run: list days, or leave week_days out "
                    + "for every day");
            return null;
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        boolean ok = true;
        for (int i = 0; i < a.size(); i++) {
            Object e = a.get(i);
            SourcePos p = t.position(a.inputPositionOf(i));
            if (!(e instanceof String)) {
                t.invalidAt(p, "week_days", "must list days as strings; element " + (i + 1) + " is "
                        + TableReader.typeName(e));
                ok = false;
                continue;
            }
            Parsed<Set<DayOfWeek>> d = Times.days((String) e);
            if (!d.ok()) {
                t.invalidAt(p, "week_days", d.error());
                ok = false;
                continue;
            }
            Set<DayOfWeek> again = EnumSet.copyOf(d.value());
            again.retainAll(days);
            if (!again.isEmpty()) {
                t.sink().warning(Code.DUPLICATE_WEEK_DAY, "`" + "schedule.week_days` lists "
                        + names(again) + " more than once", p, t.process(), "schedule.week_days");
            }
            days.addAll(d.value());
        }
        return ok ? days : null;
    }

    private static String names(Set<DayOfWeek> days) {
        List<String> n = new ArrayList<>();
        for (DayOfWeek d : days) {
            n.add(d.name().substring(0, 3).toLowerCase(Locale.ROOT));
        }
        return String.join(", ", n);
    }

    private static RawRestart restart(TableReader t) {
        if (t == null) {
            return null;
        }
        t.keys(Keys.RESTART);
        RestartPolicy.Policy policy = null;
        String s = t.string("policy");
        if (s != null) {
            for (RestartPolicy.Policy p : RestartPolicy.Policy.values()) {
                if (p.wire().equals(s)) {
                    policy = p;
                }
            }
            if (policy == null) {
                t.invalid("policy", "must be \"always\", \"on-failure\" or \"never\"; got \"" + Durations.shorten(s) + "\"");
            }
        }
        return new RawRestart(t.pos(), t.at(), policy, t.integer("max_attempts"), t.duration("delay"),
                t.duration("max_delay"));
    }
}
