package procrust.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC §3 "Version": the one rule for the version active at an instant, used by plan, apply, tui and logs. */
class ActiveVersionTest {

    private static ProcessSpec spec(int index, String applyOn, ZoneOffset offset, ProcessType type) {
        return new ProcessSpec(index, "svc", "run", new ApplyOn(applyOn, LocalDateTime.parse(applyOn.substring(0, 19)),
                offset), type, List.of(), null, Map.of(), Duration.ofSeconds(10), Schedule.ALWAYS, null, null,
                null, null, null, null);
    }

    @Test
    void theGreatestApplyOnNotAfterTheInstantIsActive() {
        ProcessSpec old = spec(0, "2024-01-01T00:00:00", null, ProcessType.NORMAL);
        ProcessSpec current = spec(1, "2024-06-01T00:00:00", null, ProcessType.NORMAL);
        ProcessSpec future = spec(2, "2030-01-01T00:00:00", null, ProcessType.NORMAL);
        List<ProcessSpec> versions = List.of(old, future, current);
        assertEquals(current, Config.activeAmong(versions, ZoneOffset.UTC, Instant.parse("2025-01-01T00:00:00Z")));
        assertEquals(current, Config.activeAmong(versions, ZoneOffset.UTC, Instant.parse("2024-06-01T00:00:00Z")),
                "active from its apply_on on, inclusive");
        assertNull(Config.activeAmong(versions, ZoneOffset.UTC, Instant.parse("2023-01-01T00:00:00Z")));
    }

    @Test
    void fakeEntriesAreNeverActive() {
        ProcessSpec real = spec(0, "2024-01-01T00:00:00", null, ProcessType.NORMAL);
        ProcessSpec fake = spec(1, "2024-06-01T00:00:00", null, ProcessType.FAKE);
        assertEquals(real, Config.activeAmong(List.of(real, fake), ZoneOffset.UTC, Instant.parse("2025-01-01T00:00:00Z")));
    }

    @Test
    void ofTwoEntriesAtTheSameInstantTheLaterInTheFileIsActive() {
        // two spellings of one instant: 12:00 local in UTC, and 14:00 at +02:00
        ProcessSpec first = spec(0, "2024-10-01T12:00:00", null, ProcessType.NORMAL);
        ProcessSpec second = spec(1, "2024-10-01T14:00:00+02:00", ZoneOffset.ofHours(2), ProcessType.NORMAL);
        Instant at = Instant.parse("2025-01-01T00:00:00Z");
        assertEquals(first.applyInstant(ZoneOffset.UTC), second.applyInstant(ZoneOffset.UTC));
        assertEquals(second, Config.activeAmong(List.of(first, second), ZoneOffset.UTC, at));
        assertEquals(first, Config.activeAmong(List.of(second, first), ZoneOffset.UTC, at));
    }
}
