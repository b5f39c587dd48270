package procrust.tui;

import java.time.Instant;
import procrust.plan.InstanceState;

/**
 * One line of the process table: an instance (id, version) as status reports it, with its label from
 * the file and its tone. {@code key()} identifies it across refreshes (the selection follows it).
 *
 * @param label     the {@code label} of its entry in the file (a version no longer in the file: its
 *                  id's), or null
 * @param pid       the live process-group leader, or null
 * @param startedAt when its live process started, or null
 * @param note      why it waits, the last failure... or null
 */
public record ViewRow(String id, String label, String version, String type, InstanceState state, Long pid,
                      Instant startedAt, int restarts, String note) {

    public String key() {
        return id + "@" + version;
    }

    public Tone tone() {
        return Tone.of(state);
    }
}
