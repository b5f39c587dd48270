package procrust.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static procrust.tui.TuiFixtures.NOW;
import static procrust.tui.TuiFixtures.V1;
import static procrust.tui.TuiFixtures.V2;
import static procrust.tui.TuiFixtures.config;
import static procrust.tui.TuiFixtures.spec;
import static procrust.tui.TuiFixtures.weekdays;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import procrust.plan.Upcoming;
import procrust.config.ProcessType;
import procrust.config.Schedule;

class UpcomingTest {

    @Test
    void windowEdgesAndVersionsSoonestFirst() {
        // NOW is Monday 10:00 UTC
        List<Upcoming.Event> e = Upcoming.of(config(
                spec(0, "office", V1, ProcessType.NORMAL, weekdays("08:00", "18:00"), null),
                spec(1, "night", V1, ProcessType.NORMAL, weekdays("22:00", "06:00"), null),
                spec(2, "web", V1),
                spec(3, "web", V2),
                spec(4, "always", V1)), NOW);
        assertEquals(List.of(
                new Upcoming.Event(Instant.parse("2025-03-03T12:00:00Z"), "web", Upcoming.Kind.VERSION,
                        "new version " + V2),
                new Upcoming.Event(Instant.parse("2025-03-03T18:00:00Z"), "office", Upcoming.Kind.WINDOW_CLOSES,
                        "window closes (mon-fri 08:00-18:00)"),
                new Upcoming.Event(Instant.parse("2025-03-03T22:00:00Z"), "night", Upcoming.Kind.WINDOW_OPENS,
                        "window opens (mon-fri 22:00-06:00)")), e);
    }

    @Test
    void aFirstVersionAheadAndNoEdgeOfAVersionThatIsReplacedFirst() {
        List<Upcoming.Event> e = Upcoming.of(config(
                spec(0, "new", V2),
                spec(1, "shop", V1, ProcessType.NORMAL, weekdays("08:00", "18:00"), null),
                spec(2, "shop", V2)), NOW);
        assertEquals(List.of(
                new Upcoming.Event(Instant.parse("2025-03-03T12:00:00Z"), "new", Upcoming.Kind.VERSION,
                        "first version " + V2),
                new Upcoming.Event(Instant.parse("2025-03-03T12:00:00Z"), "shop", Upcoming.Kind.VERSION,
                        "new version " + V2)), e,
                "shop's window closes at 18:00 but the new version (always) takes over at 12:00");
    }

    @Test
    void fakeVersionsNeverCount() {
        List<Upcoming.Event> e = Upcoming.of(config(
                spec(0, "web", V1),
                spec(1, "web", V2, ProcessType.FAKE, Schedule.ALWAYS, null)), NOW);
        assertEquals(List.of(), e);
    }

    @Test
    void ofTwoEntriesWithTheSameApplyOnTheLaterInTheFileIsTheOne() {
        List<Upcoming.Event> e = Upcoming.of(config(
                spec(0, "web", V2, ProcessType.NORMAL, weekdays("08:00", "18:00"), null),
                spec(1, "web", V2)), NOW);
        assertEquals(1, e.size());
        assertEquals("first version " + V2, e.get(0).what());
        List<Upcoming.Event> active = Upcoming.of(config(
                spec(0, "web", V1),
                spec(1, "web", V1, ProcessType.NORMAL, weekdays("08:00", "18:00"), null)), NOW);
        assertEquals(List.of(new Upcoming.Event(Instant.parse("2025-03-03T18:00:00Z"), "web",
                Upcoming.Kind.WINDOW_CLOSES, "window closes (mon-fri 08:00-18:00)")), active);
    }
}
