package procrust.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static procrust.plan.Fixtures.config;
import static procrust.plan.Fixtures.entry;
import static procrust.plan.Fixtures.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import procrust.config.Config;

/**
 * The timeline against the planner itself: at every edge the timeline reports, and one second before,
 * and every 10 minutes in between, {@link Planner#plan} (what {@code plan --at} prints) must start
 * exactly the processes the timeline says are wanted, in the version it names. Across DST changes in
 * two zones, with windows inside the spring gap and the autumn overlap, overnight windows, touching
 * windows, version switches and a fake version.
 */
class TimelineTest {

    /** Every kind of window and version change, no dependencies (so START = wanted, SPEC §6). */
    static Config file(ZoneId zone) {
        return config(zone,
                entry("office", "2020-01-01T00:00:00").schedule(schedule("08:00", "18:00",
                        DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)),
                entry("night", "2020-01-01T00:00:00").schedule(schedule("22:00", "06:00")),
                entry("gap", "2020-01-01T00:00:00").schedule(schedule("02:30", "03:15")),
                entry("overlap", "2020-01-01T00:00:00").schedule(schedule("01:30", "02:10")),
                entry("weekend", "2020-01-01T00:00:00").schedule(schedule("00:00", null,
                        DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY)),
                entry("switch", "2020-01-01T00:00:00"),
                entry("switch", "2026-03-30T12:00:00").schedule(schedule("09:00", "17:00")),
                entry("switch", "2026-10-27T12:00:00").fake(),
                entry("switch", "2026-11-03T00:00:00"),
                entry("later", "2026-10-30T10:30:00").schedule(schedule("10:00", "11:00")),
                entry("never", "2020-01-01T00:00:00").fake());
    }

    @ParameterizedTest(name = "{0} from {1}")
    @CsvSource({
            "Europe/Madrid, 2026-03-25T00:00:00",
            "Europe/Madrid, 2026-10-21T00:00:00",
            "America/New_York, 2026-03-04T00:00:00",
            "America/New_York, 2026-10-28T00:00:00",
    })
    void everyEdgeAgreesWithThePlanner(String zoneName, String fromLocal) {
        ZoneId zone = ZoneId.of(zoneName);
        Config config = file(zone);
        Instant from = LocalDateTime.parse(fromLocal).atZone(zone).toInstant();
        Instant to = LocalDateTime.parse(fromLocal).plusDays(10).atZone(zone).toInstant();
        Timeline.Result t = Timeline.of(config, from, to);

        TreeSet<Instant> probes = new TreeSet<>();
        int edges = 0;
        for (Timeline.Row row : t.rows()) {
            for (Timeline.Interval i : row.intervals()) {
                assertTrue(i.start().isBefore(i.end()), i::toString);
                assertTrue(!i.start().isBefore(from) && !i.end().isAfter(to), "clipped: " + i);
                for (Instant e : List.of(i.start(), i.end())) {
                    if (e.isAfter(from) && e.isBefore(to)) {
                        probes.add(e);
                        probes.add(e.minusSeconds(1));
                        edges++;
                    }
                }
            }
        }
        assertTrue(edges > 40, "a rich timeline: " + edges + " edges");
        for (Instant p = from; p.isBefore(to); p = p.plus(Duration.ofMinutes(10))) {
            probes.add(p);
        }
        for (Instant p : probes) {
            assertEquals(planned(config, p), wanted(t, p), "at " + Times.format(p, zone));
        }
    }

    @Test
    void touchingIntervalsMergeAndVersionsSwitch() {
        ZoneId zone = ZoneId.of("Europe/Madrid");
        Config config = file(zone);
        Instant from = LocalDateTime.parse("2026-10-29T00:00:00").atZone(zone).toInstant();
        Instant to = LocalDateTime.parse("2026-11-05T00:00:00").atZone(zone).toInstant();
        Map<String, List<String>> rows = render(Timeline.of(config, from, to));
        // sat 00:00 to tue 00:00 is one window (three touching days), cut at the start of the range only
        assertEquals(List.of("2026-10-31T00:00:00+01:00 2026-11-03T00:00:00+01:00 2020-01-01T00:00:00"),
                rows.get("weekend"));
        // the fake version of 2026-10-27 is skipped; 09:00-17:00 daily until the 24x7 version of 11-03
        List<String> sw = rows.get("switch");
        assertEquals("2026-10-29T09:00:00+01:00 2026-10-29T17:00:00+01:00 2026-03-30T12:00:00", sw.get(0));
        assertEquals("2026-11-02T09:00:00+01:00 2026-11-02T17:00:00+01:00 2026-03-30T12:00:00", sw.get(4));
        assertEquals("2026-11-03T00:00:00+01:00 2026-11-05T00:00:00+01:00 2026-11-03T00:00:00", sw.get(5));
        assertEquals(6, sw.size());
        // a version that becomes active inside its window starts then, not at the window's opening
        assertEquals("2026-10-30T10:30:00+01:00 2026-10-30T11:00:00+01:00 2026-10-30T10:30:00",
                rows.get("later").get(0));
        assertEquals(List.of(), rows.get("never"));
    }

    @Test
    void aWindowInTheSpringGapKeepsItsLocalLength() {
        ZoneId zone = ZoneId.of("Europe/Madrid");
        Instant from = LocalDateTime.parse("2026-03-29T00:00:00").atZone(zone).toInstant();
        Map<String, List<String>> rows = render(Timeline.of(file(zone), from, from.plus(Duration.ofHours(23))));
        // 02:30 does not exist that night: it opens at 03:30 CEST and stays open its 45 minutes
        assertEquals(List.of("2026-03-29T03:30:00+02:00 2026-03-29T04:15:00+02:00 2020-01-01T00:00:00"),
                rows.get("gap"));
    }

    /** What the planner starts at {@code t}, as "id version" (nothing observed: every wanted process starts). */
    static TreeSet<String> planned(Config config, Instant t) {
        TreeSet<String> out = new TreeSet<>();
        for (Action a : Planner.plan(config, Observed.EMPTY, t).actions()) {
            if (a.kind() == ActionKind.START) {
                out.add(a.id() + " " + a.version());
            }
        }
        return out;
    }

    static TreeSet<String> wanted(Timeline.Result t, Instant at) {
        TreeSet<String> out = new TreeSet<>();
        for (Timeline.Row row : t.rows()) {
            for (Timeline.Interval i : row.intervals()) {
                if (!at.isBefore(i.start()) && at.isBefore(i.end())) {
                    out.add(row.id() + " " + i.version());
                }
            }
        }
        return out;
    }

    static Map<String, List<String>> render(Timeline.Result t) {
        Map<String, List<String>> out = new HashMap<>();
        for (Timeline.Row row : t.rows()) {
            List<String> l = new ArrayList<>();
            for (Timeline.Interval i : row.intervals()) {
                l.add(Times.format(i.start(), t.zone()) + " " + Times.format(i.end(), t.zone()) + " " + i.version());
            }
            out.put(row.id(), l);
        }
        return out;
    }
}
