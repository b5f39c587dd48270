package procrust.plan;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import procrust.config.Fingerprint;
import procrust.config.ApplyOn;
import procrust.config.Config;
import procrust.config.HealthCheck;
import procrust.config.ProcessSpec;
import procrust.config.ProcessType;
import procrust.config.Schedule;

/** Builds config records and observed instances for planner tests, without a file. */
final class Fixtures {

    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    private Fixtures() {
    }

    /** A file of entries in this order (their index is their position). */
    static Config config(ZoneId zone, Entry... entries) {
        List<ProcessSpec> ps = new ArrayList<>();
        for (int i = 0; i < entries.length; i++) {
            ps.add(entries[i].build(i));
        }
        return new Config(Path.of("procrust.toml"), "550e8400-e29b-41d4-a716-446655440000", "0", zone, true, ps, null);
    }

    static Config config(Entry... entries) {
        return config(MADRID, entries);
    }

    static Entry entry(String id, String applyOn) {
        return new Entry(id, applyOn);
    }

    /** A local date-time read in Madrid. */
    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(MADRID).toInstant();
    }

    static Schedule schedule(String start, String stop, DayOfWeek... days) {
        return new Schedule(start == null ? null : LocalTime.parse(start), stop == null ? null : LocalTime.parse(stop),
                days.length == 0 ? EnumSet.allOf(DayOfWeek.class) : EnumSet.of(days[0], days));
    }

    static ApplyOn applyOn(String text) {
        if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
            OffsetDateTime o = OffsetDateTime.parse(text);
            return new ApplyOn(text, o.toLocalDateTime(), o.getOffset());
        }
        return new ApplyOn(text, LocalDateTime.parse(text), null);
    }

    static Observed observed(ObservedInstance... instances) {
        return new Observed(List.of(instances), Set.of());
    }

    static Observed observed(Set<String> holds, ObservedInstance... instances) {
        return new Observed(List.of(instances), holds);
    }

    /** A live RUNNING instance started at {@code since}, supervised, with the entry's fingerprint. */
    static ObservedInstance running(ProcessSpec spec, long pid, Instant since) {
        return new ObservedInstance(spec.id(), spec.version(), InstanceState.RUNNING, pid, since, 0, 0, null, null,
                spec.fingerprint(), false, null);
    }

    static ObservedInstance instance(String id, String version, InstanceState state, Long pid, Instant since) {
        return new ObservedInstance(id, version, state, pid, since, 0, 0, null, null, Fingerprint.NONE, false, null);
    }

    /** "kind id version" per action, for exact list assertions. */
    static List<String> summary(Plan plan) {
        return plan.actions().stream()
                .map(a -> a.kind().wire() + " " + a.id() + " " + a.version()
                        + (a.oldVersion() == null ? "" : " from " + a.oldVersion()))
                .collect(Collectors.toList());
    }

    /** A fluent [[process]] entry. */
    static final class Entry {
        final String id;
        final String applyOn;
        String command = "sleep 1000";
        ProcessType type = ProcessType.NORMAL;
        List<String> deps = List.of();
        Schedule schedule;
        HealthCheck health;
        Map<String, String> env = Map.of();

        Entry(String id, String applyOn) {
            this.id = id;
            this.applyOn = applyOn;
        }

        Entry command(String c) {
            this.command = c;
            return this;
        }

        Entry type(ProcessType t) {
            this.type = t;
            return this;
        }

        Entry fake() {
            return type(ProcessType.FAKE);
        }

        Entry oneshot() {
            return type(ProcessType.ONESHOT);
        }

        Entry dependsOn(String... ids) {
            this.deps = List.of(ids);
            return this;
        }

        Entry schedule(Schedule s) {
            this.schedule = s;
            return this;
        }

        Entry env(Map<String, String> e) {
            this.env = e;
            return this;
        }

        ProcessSpec build(int index) {
            return new ProcessSpec(index, id, command, applyOn(applyOn), type, deps, null, env, null, schedule,
                    health, null, null, null, null, null);
        }
    }
}
