package procrust.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static procrust.tui.TuiFixtures.NOW;
import static procrust.tui.TuiFixtures.V1;
import static procrust.tui.TuiFixtures.config;
import static procrust.tui.TuiFixtures.row;
import static procrust.tui.TuiFixtures.snapshot;
import static procrust.tui.TuiFixtures.spec;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import procrust.plan.InstanceState;
import procrust.reconcile.StatusReport;

class PendingTest {

    private static ViewModel with(StatusReport.Row... rows) {
        return ViewModel.of(snapshot(config(spec(0, "web", V1), spec(1, "db", V1)), 1L, rows), "");
    }

    private final Pending hold = new Pending(true, "web", NOW, Duration.ofSeconds(25));
    private final Pending release = new Pending(false, "web", NOW, Duration.ofSeconds(15));

    @Test
    void aHoldIsDoneWhenNothingOfTheIdRunsAndItShowsHeld() {
        assertNull(hold.check(with(row("web", V1, InstanceState.RUNNING, 10L, null)), NOW.plusSeconds(1)));
        assertNull(hold.check(with(row("web", V1, InstanceState.STOPPING, 10L, null)), NOW.plusSeconds(2)));
        Pending.Done d = hold.check(with(row("web", V1, InstanceState.HELD, null, null),
                row("db", V1, InstanceState.RUNNING, 11L, null)), NOW.plusSeconds(3));
        assertEquals(new Pending.Done("web is stopped and held; S releases it", Tone.HELD), d);
    }

    @Test
    void aReleaseIsDoneWhenNoRowOfTheIdIsHeld() {
        assertNull(release.check(with(row("web", V1, InstanceState.HELD, null, null)), NOW.plusSeconds(1)));
        assertEquals(new Pending.Done("web is released: now RUNNING", Tone.GOOD),
                release.check(with(row("web", V1, InstanceState.RUNNING, 12L, null)), NOW.plusSeconds(2)));
    }

    @Test
    void afterTheLimitTheOperatorIsTold() {
        Pending.Done d = hold.check(with(row("web", V1, InstanceState.STOPPING, 10L, null)), NOW.plusSeconds(26));
        assertEquals(Tone.BAD, d.tone());
        assertEquals("web: the stop was requested 26s ago and does not show yet (is the apply busy? see its log)",
                d.message());
    }
}
