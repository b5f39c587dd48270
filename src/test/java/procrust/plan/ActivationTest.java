package procrust.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static procrust.plan.Fixtures.config;
import static procrust.plan.Fixtures.entry;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import procrust.config.Config;

/** The version rule of SPEC §3 in one place: fake entries skipped, the later entry wins a tie. */
class ActivationTest {

    @Test
    void stepsSkipFakesAndKeepTheLaterEntryOfATie() {
        Config c = config(
                entry("a", "2024-10-01T00:00:00"),
                entry("a", "2025-01-01T00:00:00").fake(),
                entry("a", "2024-12-01T00:00:00").command("first"),
                entry("a", "2024-12-01T00:00:00+01:00").command("second, same instant in Madrid"));
        List<Activation.Step> steps = Activation.steps(c.processes(), c.zone());
        assertEquals(List.of("2024-10-01T00:00:00", "2024-12-01T00:00:00+01:00"),
                steps.stream().map(s -> s.spec().version()).toList());
        assertEquals(-1, Activation.activeIndex(steps, Fixtures.at("2024-09-30T23:59:59")));
        assertEquals(0, Activation.activeIndex(steps, Fixtures.at("2024-10-01T00:00:00")));
        assertEquals(0, Activation.activeIndex(steps, Fixtures.at("2024-11-30T23:59:59")));
        assertEquals(1, Activation.activeIndex(steps, Fixtures.at("2024-12-01T00:00:00")));
        assertEquals(1, Activation.activeIndex(steps, Instant.parse("2031-01-01T00:00:00Z")));
        // the planner agrees: the later entry of the tie is the one it starts
        Plan p = Planner.plan(c, Observed.EMPTY, Fixtures.at("2025-02-01T00:00:00"));
        assertEquals("2024-12-01T00:00:00+01:00", p.actions().get(0).version());
    }
}
