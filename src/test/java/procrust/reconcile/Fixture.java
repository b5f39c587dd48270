package procrust.reconcile;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import procrust.config.ApplyOn;
import procrust.config.Config;
import procrust.config.HealthCheck;
import procrust.config.ProcessSpec;
import procrust.config.ProcessType;
import procrust.config.RestartPolicy;
import procrust.config.Schedule;
import procrust.plan.Planner;
import procrust.plan.Windows;
import procrust.state.StateFile;
import procrust.state.StateStore;

/** Builds configs in UTC, and a reconciler on a {@link FakeRuntime}, a {@link MutableClock} and the real planner. */
final class Fixture {

    static final String UID = "550e8400-e29b-41d4-a716-446655440000";
    static final Instant T0 = Instant.parse("2025-03-03T10:00:00Z");
    static final String V1 = "2024-10-01T12:00:00";

    final FakeRuntime rt = new FakeRuntime();
    final MutableClock clock = new MutableClock(T0);
    final List<String> events = new ArrayList<>();
    /** Plans made so far. */
    int plans;
    final Path dir;
    StateStore store;
    Reconciler rec;

    Fixture(Path dir) {
        this.dir = dir;
        this.store = new StateStore(dir.resolve(UID), UID, clock);
    }

    static ProcessSpec spec(int index, String id, String command, String applyOn) {
        return new ProcessSpec(index, id, command, new ApplyOn(applyOn, LocalDateTime.parse(applyOn), null),
                ProcessType.NORMAL, List.of(), null, Map.of(), Duration.ofSeconds(10), Schedule.ALWAYS, null, null,
                null, null, null, null);
    }

    static ProcessSpec with(ProcessSpec s, ProcessType type, List<String> deps, HealthCheck hc, RestartPolicy rp,
                            Duration stopTimeout) {
        return new ProcessSpec(s.index(), s.id(), s.command(), s.applyOn(), type == null ? s.type() : type,
                deps == null ? s.dependsOn() : deps, s.workingDir(), s.env(),
                stopTimeout == null ? s.stopTimeout() : stopTimeout, s.schedule(), hc == null ? s.healthCheck() : hc,
                rp == null ? (type == null ? s.restart() : null) : rp, null, null, null, null);
    }

    static Config config(ProcessSpec... specs) {
        return new Config(Path.of("procrust.toml"), UID, "0", ZoneOffset.UTC, true, List.of(specs), null);
    }

    Effects effects() {
        EventLog log = (level, event, key, message) -> events.add(event + (key == null ? "" : " " + key) + ": " + message);
        PlanFunction counted = (c, o, at) -> {
            plans++;
            return Planner.plan(c, o, at);
        };
        return new Effects(rt, rt, rt, clock, counted, Windows::openingOf, store, log, dir.resolve("logs"));
    }

    Reconciler start(Config c, StateFile recorded) {
        ObservedReader.Verified v = ObservedReader.verify(recorded, c, rt, clock.instant());
        rec = new Reconciler(effects(), c, v.state(), () -> { });
        return rec;
    }

    Reconciler start(Config c) {
        return start(c, StateFile.empty(UID));
    }

    /** Steps until the reconciler asks to sleep (a later instant), at most 50 steps; returns that instant. */
    Instant stepUntilAsleep() {
        for (int i = 0; i < 50; i++) {
            Instant next = rec.step();
            if (next.isAfter(clock.instant())) {
                return next;
            }
        }
        throw new AssertionError("no quiet point after 50 steps; effects " + rt.effects + "\nevents " + events);
    }
}
