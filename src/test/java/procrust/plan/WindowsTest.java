package procrust.plan;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static procrust.plan.Fixtures.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import procrust.config.Schedule;

/** The window rules of docs/schedule.md, over whole weeks, across DST changes and a leap day. */
class WindowsTest {

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static Instant at(ZoneId zone, String local) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    private static Instant utc(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    /**
     * An independent oracle on local wall time (no DST in the weeks it is used on): inside when the
     * window of the same day or of the day before covers the local time.
     */
    private static boolean oracle(Schedule s, LocalDateTime t) {
        for (LocalDate d : List.of(t.toLocalDate().minusDays(1), t.toLocalDate())) {
            if (!s.days().contains(d.getDayOfWeek())) {
                continue;
            }
            LocalDateTime open = d.atTime(s.start());
            LocalDateTime close = s.stop() == null ? d.plusDays(1).atStartOfDay()
                    : s.stop().isAfter(s.start()) ? d.atTime(s.stop()) : d.plusDays(1).atTime(s.stop());
            if (!t.isBefore(open) && t.isBefore(close)) {
                return true;
            }
        }
        return false;
    }

    static Stream<Arguments> schedules() {
        EnumSet<DayOfWeek> monFri = EnumSet.range(MONDAY, FRIDAY);
        return Stream.of(
                Arguments.of("mon-fri 08:00-18:00", new Schedule(LocalTime.of(8, 0), LocalTime.of(18, 0), monFri)),
                Arguments.of("all 22:00-06:00 overnight", new Schedule(LocalTime.of(22, 0), LocalTime.of(6, 0),
                        EnumSet.allOf(DayOfWeek.class))),
                Arguments.of("fri-mon wrapping range 20:00-02:30", new Schedule(LocalTime.of(20, 0), LocalTime.of(2, 30),
                        EnumSet.of(FRIDAY, SATURDAY, SUNDAY, MONDAY))),
                Arguments.of("sat,sun whole days (touching)", new Schedule(null, null, EnumSet.of(SATURDAY, SUNDAY))),
                Arguments.of("mon-fri whole days (touching)", new Schedule(null, null, monFri)),
                Arguments.of("wed 00:00-00:30", new Schedule(null, LocalTime.of(0, 30), EnumSet.of(WEDNESDAY))),
                Arguments.of("thu 12:00 to end of day", new Schedule(LocalTime.NOON, null, EnumSet.of(THURSDAY))),
                Arguments.of("all with seconds 00:00:00-23:59:00 (seed)", new Schedule(null, LocalTime.of(23, 59),
                        EnumSet.allOf(DayOfWeek.class))),
                Arguments.of("mon 18:00-00:00 closes at midnight", new Schedule(LocalTime.of(18, 0), LocalTime.MIDNIGHT,
                        EnumSet.of(MONDAY))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedules")
    void everyQuarterHourOfTwoWeeksMatchesTheWallClockRule(String name, Schedule s) {
        for (ZoneId zone : List.of(ZoneOffset.UTC, MADRID, NEW_YORK)) {
            // 2024-06-03 is a Monday, far from any DST change
            LocalDateTime t = LocalDateTime.parse("2024-06-03T00:00:00");
            for (int i = 0; i < 14 * 24 * 4; i++, t = t.plusMinutes(15)) {
                Instant instant = t.atZone(zone).toInstant();
                boolean inside = Windows.containing(s, zone, instant).isPresent();
                assertEquals(oracle(s, t), inside, name + " at " + t + " in " + zone);
            }
        }
    }

    /** Schedules whose edges avoid 01:00-03:59, where DST changes happen in the zones tested. */
    static Stream<Arguments> schedulesAwayFromDstHours() {
        return schedules().filter(a -> {
            Schedule s = (Schedule) a.get()[1];
            return away(s.start()) && (s.stop() == null || away(s.stop()));
        });
    }

    private static boolean away(LocalTime t) {
        return t.getHour() < 1 || t.getHour() > 3;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedulesAwayFromDstHours")
    void acrossDstWeeksWindowsFollowTheWallClock(String name, Schedule s) {
        for (ZoneId zone : List.of(MADRID, NEW_YORK)) {
            for (String monday : List.of("2024-03-04", "2024-03-25", "2024-10-21", "2024-10-28")) {
                Instant t = LocalDate.parse(monday).atStartOfDay(zone).toInstant();
                for (int i = 0; i < 14 * 24 * 4; i++, t = t.plusSeconds(900)) {
                    LocalDateTime wall = LocalDateTime.ofInstant(t, zone);
                    assertEquals(oracle(s, wall), Windows.containing(s, zone, t).isPresent(),
                            name + " at " + wall + " in " + zone);
                }
            }
        }
    }

    @Test
    void touchingWindowsAreOneWindow() {
        Schedule weekend = new Schedule(null, null, EnumSet.of(SATURDAY, SUNDAY));
        Windows.Window w = Windows.containing(weekend, MADRID, at(MADRID, "2024-06-09T23:59:59")).orElseThrow();
        assertEquals(at(MADRID, "2024-06-08T00:00:00"), w.opens());
        assertEquals(at(MADRID, "2024-06-10T00:00:00"), w.closes());
        assertEquals(at(MADRID, "2024-06-10T00:00:00"), Windows.nextEdge(weekend, MADRID, at(MADRID, "2024-06-08T12:00:00")));

        Schedule always = new Schedule(null, null, EnumSet.allOf(DayOfWeek.class));
        assertTrue(always.isAlways());
        assertNull(Windows.nextEdge(always, MADRID, at(MADRID, "2024-06-08T12:00:00")));
    }

    @Test
    void overnightWindowBelongsToTheDayItOpens() {
        Schedule friNight = schedule("22:00", "06:00", FRIDAY);
        assertTrue(Windows.containing(friNight, MADRID, at(MADRID, "2024-06-08T05:59:59")).isPresent()); // Saturday
        assertTrue(Windows.containing(friNight, MADRID, at(MADRID, "2024-06-08T06:00:00")).isEmpty());
        assertTrue(Windows.containing(friNight, MADRID, at(MADRID, "2024-06-07T05:00:00")).isEmpty()); // Friday morning
        assertEquals(at(MADRID, "2024-06-14T22:00:00"), Windows.nextOpening(friNight, MADRID, at(MADRID, "2024-06-08T06:00:00")));
    }

    @Test
    void nextEdgeIsStrictlyAfter() {
        Schedule office = schedule("08:00", "18:00", MONDAY, TUESDAY);
        assertEquals(at(MADRID, "2024-06-03T18:00:00"), Windows.nextEdge(office, MADRID, at(MADRID, "2024-06-03T08:00:00")));
        assertEquals(at(MADRID, "2024-06-04T08:00:00"), Windows.nextEdge(office, MADRID, at(MADRID, "2024-06-03T18:00:00")));
        assertEquals(at(MADRID, "2024-06-10T08:00:00"), Windows.nextEdge(office, MADRID, at(MADRID, "2024-06-04T18:00:00")));
    }

    static Stream<Arguments> dstEdges() {
        return Stream.of(
                // Madrid springs forward 2024-03-31 02:00 -> 03:00 (+01:00 -> +02:00)
                Arguments.of(MADRID, "02:30", "04:00", "2024-03-31", "2024-03-31T03:30+02:00", "2024-03-31T04:00+02:00"),
                Arguments.of(MADRID, "01:00", "02:30", "2024-03-31", "2024-03-31T01:00+01:00", "2024-03-31T03:30+02:00"),
                Arguments.of(MADRID, "02:50", "03:10", "2024-03-31", "2024-03-31T03:50+02:00", "2024-03-31T04:10+02:00"),
                Arguments.of(MADRID, "00:00", null, "2024-03-31", "2024-03-31T00:00+01:00", "2024-04-01T00:00+02:00"),
                // Madrid falls back 2024-10-27 03:00 -> 02:00 (+02:00 -> +01:00): first occurrence
                Arguments.of(MADRID, "02:30", "05:00", "2024-10-27", "2024-10-27T02:30+02:00", "2024-10-27T05:00+01:00"),
                Arguments.of(MADRID, "22:00", "02:30", "2024-10-26", "2024-10-26T22:00+02:00", "2024-10-27T02:30+02:00"),
                Arguments.of(MADRID, "00:00", null, "2024-10-27", "2024-10-27T00:00+02:00", "2024-10-28T00:00+01:00"),
                // New York springs forward 2024-03-10 02:00 -> 03:00, falls back 2024-11-03 02:00 -> 01:00
                Arguments.of(NEW_YORK, "02:00", "03:00", "2024-03-10", "2024-03-10T03:00-04:00", "2024-03-10T04:00-04:00"),
                Arguments.of(NEW_YORK, "01:30", "02:30", "2024-11-03", "2024-11-03T01:30-04:00", "2024-11-03T02:30-05:00"),
                Arguments.of(NEW_YORK, "23:00", "01:30", "2024-11-02", "2024-11-02T23:00-04:00", "2024-11-03T01:30-04:00"),
                // leap day: a Thursday
                Arguments.of(MADRID, "22:00", "02:00", "2024-02-29", "2024-02-29T22:00+01:00", "2024-03-01T02:00+01:00"));
    }

    @ParameterizedTest(name = "{0} {1}-{2} on {3}")
    @MethodSource("dstEdges")
    void windowEdgesOnDstAndLeapDays(ZoneId zone, String start, String stop, String day, String opens, String closes) {
        LocalDate d = LocalDate.parse(day);
        Schedule s = new Schedule(LocalTime.parse(start), stop == null ? null : LocalTime.parse(stop),
                EnumSet.of(d.getDayOfWeek()));
        Windows.Window w = Windows.daily(s, zone, d);
        assertEquals(utc(opens), w.opens(), "opens");
        assertEquals(utc(closes), w.closes(), "closes");
        // and the merged view agrees, from inside the window
        Windows.Window found = Windows.containing(s, zone, w.opens()).orElseThrow();
        assertEquals(w, found);
        assertTrue(Windows.containing(s, zone, w.closes()).isEmpty());
        assertTrue(Windows.containing(s, zone, w.opens().minusSeconds(1)).isEmpty());
    }

    @Test
    void everyHourOfADstWeekIsInsideAnAllWeekWindowOnce() {
        Schedule nights = schedule("20:00", "08:00");
        for (ZoneId zone : List.of(MADRID, NEW_YORK)) {
            for (String monday : List.of("2024-03-25", "2024-10-21", "2024-03-04", "2024-10-28")) {
                Instant t = LocalDate.parse(monday).atStartOfDay(zone).toInstant();
                Instant end = t.plusSeconds(14 * 86400);
                int edges = 0;
                Instant e = Windows.nextEdge(nights, zone, t);
                while (e != null && e.isBefore(end)) {
                    edges++;
                    Instant next = Windows.nextEdge(nights, zone, e);
                    assertTrue(next == null || next.isAfter(e));
                    e = next;
                }
                // 14 nights: one opening and one closing each (the first one straddles the start)
                assertTrue(edges == 28 || edges == 27, zone + " " + monday + ": " + edges);
            }
        }
    }

    @Test
    void specAlwaysWindowOpensAtTheVersionApplyInstant() {
        var spec = Fixtures.config(Fixtures.entry("a", "2024-10-01T12:00:00")).processes().get(0);
        Instant t = at(MADRID, "2025-01-01T00:00:00");
        assertEquals(at(MADRID, "2024-10-01T12:00:00"), Windows.openingOf(spec, MADRID, t));
        assertNull(Windows.nextEdge(spec, MADRID, t));
    }

    @Test
    void describesSchedules() {
        assertEquals("always", Windows.describe(Schedule.ALWAYS));
        assertEquals("mon-fri 08:00-18:00", Windows.describe(new Schedule(LocalTime.of(8, 0), LocalTime.of(18, 0),
                EnumSet.range(MONDAY, FRIDAY))));
        assertEquals("mon,wed,thu,sun 00:00-23:59", Windows.describe(new Schedule(null, LocalTime.of(23, 59),
                EnumSet.of(MONDAY, WEDNESDAY, THURSDAY, SUNDAY))));
        assertEquals("every day 22:00:30-06:00", Windows.describe(new Schedule(LocalTime.of(22, 0, 30), LocalTime.of(6, 0),
                EnumSet.allOf(DayOfWeek.class))));
    }
}
