package procrust.plan;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import procrust.config.Fingerprint;
import procrust.config.Config;
import procrust.config.ProcessSpec;
import procrust.config.Schedule;

/**
 * A random but valid file (dependencies only on ids defined earlier, so no instant has a cycle), a
 * random observed state (any state, live or not, of versions in the file or gone from it, holds) and a
 * random instant, for property tests of the planner.
 */
record Scenario(Config config, Observed observed, Instant at) {

    private static final String[] APPLY_ON = {
        "2024-01-01T00:00:00", "2024-03-31T02:30:00", "2024-06-03T08:00:00", "2024-06-05T12:00:00",
        "2024-06-05T12:00:00+02:00", "2024-06-07T23:00:00", "2025-01-01T00:00:00"};
    private static final ZoneId[] ZONES = {ZoneId.of("Europe/Madrid"), ZoneId.of("America/New_York"), ZoneId.of("UTC")};

    static Scenario generate(Random r) {
        ZoneId zone = ZONES[r.nextInt(ZONES.length)];
        int ids = 1 + r.nextInt(7);
        List<Fixtures.Entry> entries = new ArrayList<>();
        for (int i = 0; i < ids; i++) {
            String id = "p" + i;
            int versions = 1 + r.nextInt(3);
            Set<String> used = new HashSet<>();
            for (int v = 0; v < versions; v++) {
                String applyOn = APPLY_ON[r.nextInt(APPLY_ON.length)];
                if (!used.add(applyOn)) {
                    continue;
                }
                Fixtures.Entry e = Fixtures.entry(id, applyOn).command("cmd " + r.nextInt(3));
                int t = r.nextInt(10);
                if (t < 2) {
                    e.fake();
                } else if (t < 4) {
                    e.oneshot();
                }
                List<String> deps = new ArrayList<>();
                for (int d = 0; d < i; d++) {
                    if (r.nextInt(4) == 0) {
                        deps.add("p" + d);
                    }
                }
                e.dependsOn(deps.toArray(new String[0]));
                e.schedule(schedule(r));
                entries.add(e);
            }
        }
        java.util.Collections.shuffle(entries, r);
        Config config = Fixtures.config(zone, entries.toArray(new Fixtures.Entry[0]));
        Instant at = Instant.parse("2024-03-25T00:00:00Z").plusSeconds(r.nextInt(120 * 86400));
        if (r.nextInt(4) == 0) {
            at = config.processes().get(r.nextInt(config.processes().size())).applyInstant(zone);
        }
        return new Scenario(config, observed(r, config, at, ids), at);
    }

    private static Schedule schedule(Random r) {
        switch (r.nextInt(5)) {
            case 0:
                return new Schedule(LocalTime.of(8, 0), LocalTime.of(18, 0), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
            case 1:
                return new Schedule(LocalTime.of(22, 0), LocalTime.of(6, 0), EnumSet.allOf(DayOfWeek.class));
            case 2:
                return new Schedule(null, null, EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
            default:
                return null;
        }
    }

    private static Observed observed(Random r, Config config, Instant at, int ids) {
        List<ObservedInstance> out = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        InstanceState[] states = InstanceState.values();
        int n = r.nextInt(2 * ids + 2);
        for (int i = 0; i < n; i++) {
            String id;
            String version;
            Fingerprint fingerprint = Fingerprint.NONE;
            if (r.nextInt(6) == 0 || config.processes().isEmpty()) {
                id = r.nextBoolean() ? "gone" + r.nextInt(2) : "p" + r.nextInt(ids);
                version = "2023-01-01T00:00:00";
            } else {
                ProcessSpec p = config.processes().get(r.nextInt(config.processes().size()));
                id = p.id();
                version = p.version();
                fingerprint = r.nextBoolean() ? p.fingerprint() : Fingerprint.fromFields(Map.of("command", "something else"));
            }
            if (!keys.add(id + "\u0000" + version)) {
                continue;
            }
            InstanceState state = states[r.nextInt(states.length)];
            boolean live = state == InstanceState.RUNNING || state == InstanceState.PENDING_HEALTH_CHECK
                    || state == InstanceState.STOPPING;
            Long pid = live ? Long.valueOf(100 + i) : null;
            Instant since = at.minusSeconds(r.nextInt(3 * 86400));
            Instant backoff = state == InstanceState.BACKOFF ? at.plusSeconds(r.nextInt(20) - 10) : null;
            Instant window = state == InstanceState.COMPLETED && r.nextBoolean() ? since : null;
            out.add(new ObservedInstance(id, version, state, pid, since, r.nextInt(3), r.nextInt(6), backoff, window,
                    fingerprint, live && r.nextInt(4) == 0, null));
        }
        Set<String> holds = new HashSet<>();
        if (r.nextInt(4) == 0) {
            holds.add("p" + r.nextInt(ids));
        }
        return new Observed(out, holds);
    }
}
