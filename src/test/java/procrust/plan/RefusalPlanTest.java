package procrust.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import procrust.config.Config;
import procrust.config.ProcessSpec;
import procrust.config.RunAs;

/** plan says beforehand that a start as another user will be refused when procrust is not root. */
class RefusalPlanTest {

    private static final ProcrustUser ALICE = new ProcrustUser(1000, 1000, "alice", "alice");

    private static RunAs as(String user, String group) {
        return new RunAs(user, group, null, List.of(), null, Map.of());
    }

    private static Config file(RunAs runAs) {
        ProcessSpec base = Fixtures.config(Fixtures.entry("web", "2024-10-01T12:00:00")).processes().get(0);
        ProcessSpec s = new ProcessSpec(base.index(), base.id(), base.command(), base.applyOn(), base.type(),
                base.dependsOn(), base.workingDir(), base.env(), base.stopTimeout(), base.schedule(), base.healthCheck(),
                base.restart(), base.label(), base.logs(), base.pos(), base.fieldPos(), base.liveness(), runAs);
        return new Config(Path.of("procrust.toml"), "550e8400-e29b-41d4-a716-446655440000", "0", ZoneOffset.UTC, true,
                List.of(s), null);
    }

    private static String startReason(RunAs runAs, ProcrustUser self) {
        Plan p = Planner.plan(file(runAs), new Observed(List.of(), Set.of(), self), Instant.parse("2025-01-01T00:00:00Z"));
        Action a = p.actions().get(0);
        assertEquals(ActionKind.START, a.kind());
        return a.reason();
    }

    @Test
    void notRootAndAnotherUserOrGroupSaysItWillBeRefused() {
        String r = startReason(as("www-data", null), ALICE);
        assertTrue(r.contains("will be refused: it runs as user `www-data`, but procrust runs as alice, not root"), r);
        assertTrue(startReason(as(null, "adm"), ALICE).contains("group `adm`"));
    }

    @Test
    void rootOrItsOwnUserOrUnknownClaimsNothing() {
        assertFalse(startReason(as("www-data", null), new ProcrustUser(0, 0, "root", "root")).contains("refused"));
        assertFalse(startReason(as("alice", "1000"), ALICE).contains("refused"));
        assertFalse(startReason(as("1000", null), ALICE).contains("refused"));
        assertFalse(startReason(as("www-data", null), ProcrustUser.UNKNOWN).contains("refused"));
        assertNull(ALICE.refusal(RunAs.DEFAULT));
    }
}
