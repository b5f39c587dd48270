package procrust.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import procrust.plan.InstanceState;

class ToneTest {

    @Test
    void everyStateReadsAsItShould() {
        assertEquals(Tone.GOOD, Tone.of(InstanceState.RUNNING));
        assertEquals(Tone.GOOD, Tone.of(InstanceState.COMPLETED));
        assertEquals(Tone.BUSY, Tone.of(InstanceState.READY_TO_START));
        assertEquals(Tone.BUSY, Tone.of(InstanceState.PENDING_HEALTH_CHECK));
        assertEquals(Tone.BUSY, Tone.of(InstanceState.SCHEDULED_STOP));
        assertEquals(Tone.BUSY, Tone.of(InstanceState.STOPPING));
        assertEquals(Tone.BAD, Tone.of(InstanceState.BACKOFF));
        assertEquals(Tone.BAD, Tone.of(InstanceState.FAILED));
        assertEquals(Tone.HELD, Tone.of(InstanceState.HELD));
        assertEquals(Tone.IDLE, Tone.of(InstanceState.WAITING));
        assertEquals(Tone.IDLE, Tone.of(InstanceState.STOPPED));
    }
}
