package procrust.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import procrust.plan.InstanceState;

class RequestsTest {

    @TempDir
    Path tmp;

    private static final Instant T = Instant.parse("2025-01-01T00:00:00Z");

    private static InstanceRecord rec(String id, InstanceState s) {
        return InstanceRecord.fresh(id, "v", "normal", T).toBuilder().state(s, T).build();
    }

    @Test
    void holdAddsAndReleaseRemovesAndForgetsStoppedAndFailedRecords() {
        StateFile s = StateFile.empty("u").put(rec("web", InstanceState.STOPPED)).put(rec("db", InstanceState.FAILED))
                .put(rec("job", InstanceState.COMPLETED));
        StateFile held = Requests.applyTo(s, new Requests.Request("hold", List.of("web", "db")));
        assertEquals(List.of("web", "db"), held.holds());
        assertEquals(held, Requests.applyTo(held, new Requests.Request("hold", List.of("web"))), "idempotent");
        StateFile released = Requests.applyTo(held, new Requests.Request("release", List.of("web", "db", "job")));
        assertEquals(List.of(), released.holds());
        assertEquals(List.of("job"), released.instances().stream().map(InstanceRecord::id).toList(),
                "a COMPLETED oneshot stays completed");
    }

    @Test
    void submittedRequestsAreReadBackInOrderAndBadOnesAreRefused() throws IOException {
        Path a = Requests.submit(tmp, new Requests.Request("hold", List.of("web")));
        Path b = Requests.submit(tmp, new Requests.Request("release", List.of("web")));
        assertEquals(List.of(a, b), Requests.pending(tmp));
        assertEquals(new Requests.Request("hold", List.of("web")), Requests.read(a));
        Path bad = tmp.resolve("requests/zz.json");
        Files.writeString(bad, "{\"op\": \"explode\", \"ids\": []}");
        IOException e = assertThrows(IOException.class, () -> Requests.read(bad));
        assertTrue(e.getMessage().contains("unknown op"), e.getMessage());
    }
}
