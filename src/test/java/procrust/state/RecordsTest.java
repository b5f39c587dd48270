package procrust.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import procrust.plan.InstanceState;

/**
 * {@link StateFile}'s records with their index (issue 18): after any mix of puts, removals and lists
 * set whole, every look-up and the list itself are those of a plain list searched from its start.
 */
class RecordsTest {

    static final String UID = "550e8400-e29b-41d4-a716-446655440000";
    static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");

    private static InstanceRecord rec(String id, String version, long pid) {
        return InstanceRecord.fresh(id, version, "normal", T0).toBuilder().state(InstanceState.RUNNING, T0)
                .process("normal", pid, 1, "boot", T0, null).build();
    }

    /** The reference: what StateFile did before it had an index. */
    private static List<InstanceRecord> put(List<InstanceRecord> list, InstanceRecord r) {
        List<InstanceRecord> out = new ArrayList<>(list);
        boolean replaced = false;
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).sameInstance(r.id(), r.version())) {
                out.set(i, r);
                replaced = true;
            }
        }
        if (!replaced) {
            out.add(r);
        }
        return out;
    }

    private static Optional<InstanceRecord> find(List<InstanceRecord> list, String id, String version) {
        return list.stream().filter(r -> r.sameInstance(id, version)).findFirst();
    }

    @Test
    void randomChangesFindWhatAPlainListFinds() {
        Random rnd = new Random(18);
        for (int round = 0; round < 20; round++) {
            StateFile s = StateFile.empty(UID);
            List<InstanceRecord> want = new ArrayList<>();
            for (int step = 0; step < 400; step++) {
                String id = "p" + rnd.nextInt(60);
                String version = "v" + rnd.nextInt(3);
                int op = rnd.nextInt(10);
                if (op < 6) {
                    InstanceRecord r = rec(id, version, step + 2);
                    s = s.put(r);
                    want = put(want, r);
                } else if (op < 8) {
                    s = s.remove(id, version);
                    want.removeIf(r -> r.sameInstance(id, version));
                } else if (op == 8) {
                    List<InstanceRecord> copy = new ArrayList<>(want);
                    if (!copy.isEmpty() && rnd.nextBoolean()) {
                        copy.add(copy.get(rnd.nextInt(copy.size()))); // a file holding a record twice
                    }
                    s = s.withInstances(copy);
                    want = copy;
                } else {
                    s = s.withHolds(List.of(id));
                }
                assertEquals(want, s.instances(), "round " + round + " step " + step);
                for (int k = 0; k < 5; k++) {
                    String fid = "p" + rnd.nextInt(60);
                    String fv = "v" + rnd.nextInt(3);
                    assertEquals(find(want, fid, fv), s.find(fid, fv));
                }
            }
        }
    }

    @Test
    void theListIsImmutableEqualToAnyListOfTheSameRecordsAndAnAbsentRemovalChangesNothing() {
        InstanceRecord a = rec("a", "v", 2);
        InstanceRecord b = rec("b", "v", 3);
        StateFile s = StateFile.empty(UID).put(a).put(b);
        assertEquals(List.of(a, b), s.instances());
        assertEquals(List.of(a, b).hashCode(), s.instances().hashCode());
        assertEquals(new StateFile(StateFile.FORMAT, UID, List.of(a, b), List.of()), s);
        assertThrows(UnsupportedOperationException.class, () -> s.instances().add(a));
        assertThrows(NullPointerException.class, () -> s.withInstances(java.util.Arrays.asList(a, null)));
        assertSame(s, s.remove("c", "v"));
        assertEquals(List.of(b), s.remove("a", "v").instances());
        assertEquals(List.of(), s.remove("a", "v").remove("b", "v").instances());
    }
}
