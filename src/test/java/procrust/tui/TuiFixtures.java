package procrust.tui;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import procrust.config.ApplyOn;
import procrust.config.Config;
import procrust.config.ProcessSpec;
import procrust.config.ProcessType;
import procrust.config.Schedule;
import procrust.plan.InstanceState;
import procrust.reconcile.StatusReport;

/** Configs in UTC, status rows and snapshots for the view-model tests. */
final class TuiFixtures {

    static final String UID = "550e8400-e29b-41d4-a716-446655440000";
    /** A Monday. */
    static final Instant NOW = Instant.parse("2025-03-03T10:00:00Z");
    static final String V1 = "2024-10-01T12:00:00";
    static final String V2 = "2025-03-03T12:00:00";

    private TuiFixtures() {
    }

    static ProcessSpec spec(int index, String id, String applyOn) {
        return spec(index, id, applyOn, ProcessType.NORMAL, Schedule.ALWAYS, null);
    }

    static ProcessSpec spec(int index, String id, String applyOn, ProcessType type, Schedule schedule, String group) {
        return new ProcessSpec(index, id, "run " + id, new ApplyOn(applyOn, LocalDateTime.parse(applyOn), null), type,
                List.of(), null, Map.of(), Duration.ofSeconds(10), schedule, null, null, group, null, null, null);
    }

    static Schedule weekdays(String start, String stop) {
        return new Schedule(LocalTime.parse(start), stop == null ? null : LocalTime.parse(stop),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    }

    static Config config(ProcessSpec... specs) {
        return new Config(Path.of("procrust.toml"), UID, "0", ZoneOffset.UTC, true, List.of(specs), null);
    }

    static StatusReport.Row row(String id, String version, InstanceState state, Long pid, String note) {
        return new StatusReport.Row(id, version, "normal", state, pid, pid == null ? null : NOW.minusSeconds(65), 0, note);
    }

    static Snapshot snapshot(Config c, Long applyPid, StatusReport.Row... rows) {
        return new Snapshot(Path.of("procrust.toml"), c,
                new StatusReport(c.uid(), applyPid, List.of(rows), null, true, NOW), null, Path.of("/var/log/none"));
    }
}
