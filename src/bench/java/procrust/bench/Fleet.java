package procrust.bench;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import procrust.config.ApplyOn;
import procrust.config.Config;
import procrust.config.ProcessSpec;
import procrust.config.ProcessType;
import procrust.config.Schedule;
import procrust.plan.InstanceState;
import procrust.plan.Observed;
import procrust.plan.ObservedInstance;

/**
 * A large, realistic host for benchmarks: n processes, about 10% with an older version and 2% with a
 * fake newer one, each depending on up to two of the 20 ids before it, five kinds of schedule, and an
 * observed state where most wanted processes run, some are due to start and some to stop.
 */
record Fleet(Config config, Observed observed, Instant at) {

    static final ZoneId ZONE = ZoneId.of("Europe/Madrid");

    static Fleet generate(int n, long seed) {
        Random r = new Random(seed);
        Schedule[] schedules = {
            null,
            null,
            new Schedule(LocalTime.of(8, 0), LocalTime.of(18, 0), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)),
            new Schedule(LocalTime.of(22, 0), LocalTime.of(6, 0), EnumSet.allOf(DayOfWeek.class)),
            new Schedule(LocalTime.of(7, 30), null, EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY)),
        };
        List<ProcessSpec> ps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = "svc-" + i;
            List<String> deps = new ArrayList<>();
            for (int k = 0; k < 2 && i > 0; k++) {
                if (r.nextInt(3) == 0) {
                    String d = "svc-" + Math.max(0, i - 1 - r.nextInt(Math.min(i, 20)));
                    if (!deps.contains(d)) {
                        deps.add(d);
                    }
                }
            }
            Schedule s = schedules[r.nextInt(schedules.length)];
            ProcessType type = r.nextInt(20) == 0 ? ProcessType.ONESHOT : ProcessType.NORMAL;
            if (r.nextInt(10) == 0) {
                ps.add(spec(ps.size(), id, "2023-10-01T08:00:00", ProcessType.NORMAL, deps, s));
            }
            ps.add(spec(ps.size(), id, "2024-10-01T12:00:00", type, deps, s));
            if (r.nextInt(50) == 0) {
                ps.add(spec(ps.size(), id, "2024-10-05T12:00:00", ProcessType.FAKE, deps, s));
            }
        }
        Config config = new Config(Path.of("bench.toml"), "550e8400-e29b-41d4-a716-446655440000", "0", ZONE, true, ps, null);
        Instant at = LocalDateTime.parse("2024-10-07T09:00:00").atZone(ZONE).toInstant();
        List<ObservedInstance> obs = new ArrayList<>();
        long pid = 1000;
        for (ProcessSpec p : ps) {
            if (p.isFake() || !p.version().equals("2024-10-01T12:00:00") || r.nextInt(10) < 2) {
                continue;
            }
            InstanceState state = r.nextInt(50) == 0 ? InstanceState.BACKOFF : InstanceState.RUNNING;
            boolean live = state == InstanceState.RUNNING;
            obs.add(new ObservedInstance(p.id(), p.version(), state, live ? Long.valueOf(pid++) : null,
                    at.minusSeconds(3600), 0, live ? 0 : 1, live ? null : at.plusSeconds(5), null, p.fingerprint(),
                    false, null));
        }
        return new Fleet(config, new Observed(obs, Set.of()), at);
    }

    private static ProcessSpec spec(int index, String id, String applyOn, ProcessType type, List<String> deps,
                                    Schedule schedule) {
        return new ProcessSpec(index, id, "exec sleep 100000", new ApplyOn(applyOn, LocalDateTime.parse(applyOn), null),
                type, deps, null, null, null, schedule, null, null, null, null, null, null);
    }
}
