package procrust.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import procrust.plan.InstanceState;
import procrust.reconcile.StatusReport;
import procrust.state.HealthRecord;

/** status --output json: the health object per process (SPEC §6 Health). */
class StatusViewsTest {

    static final Instant NOW = Instant.parse("2025-03-03T10:00:00Z");

    @Test
    void healthIsAnObjectForAProcessWithALivenessCheckAndNullOtherwise() throws Exception {
        StatusReport r = new StatusReport("u", 1L, List.of(
                new StatusReport.Row("web", "v1", "normal", InstanceState.RUNNING, 10L, NOW, 0,
                        "health check failing: 1 of 3 (HTTP 503)", null, new HealthRecord(1, "HTTP 503", NOW.minusSeconds(10))),
                new StatusReport.Row("new", "v1", "normal", InstanceState.RUNNING, 11L, NOW, 0, null, null, HealthRecord.NONE),
                new StatusReport.Row("job", "v1", "oneshot", InstanceState.COMPLETED, null, null, 0, null)),
                null, true, NOW);
        JsonNode doc = new ObjectMapper().readTree(StatusViews.json(r));
        JsonNode web = doc.path("processes").get(0).path("health");
        assertEquals(1, web.path("failures").asInt());
        assertEquals("HTTP 503", web.path("last_error").asText());
        assertEquals("2025-03-03T09:59:50Z", web.path("last_ok").asText());
        JsonNode fresh = doc.path("processes").get(1).path("health");
        assertEquals(0, fresh.path("failures").asInt());
        assertTrue(fresh.path("last_error").isNull() && fresh.path("last_ok").isNull(), fresh::toString);
        assertTrue(doc.path("processes").get(2).has("health"));
        assertTrue(doc.path("processes").get(2).path("health").isNull());
        assertTrue(StatusViews.text(r).contains("health check failing: 1 of 3 (HTTP 503)"));
    }
}
