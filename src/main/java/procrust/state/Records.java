package procrust.state;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The records of a {@link StateFile}: an immutable list that finds a record by its id in O(1), which
 * apply does several times per step for each instance it follows (issue 18: at 1,000 services a linear
 * {@code find} per recent start was the largest cost of a step). {@link #with} and {@link #without} make
 * the next list: a record replaced where it stands or appended keeps the index of the list it came from
 * (the appended ones are looked through one by one until there are {@link #TAIL} of them, then the
 * index is made again), so a change costs a copy of the array, not a new index.
 */
final class Records extends AbstractList<InstanceRecord> implements RandomAccess {

    /** How many records past the index are looked through one by one before the index is made again. */
    static final int TAIL = 32;

    static final Records EMPTY = new Records(new InstanceRecord[0], null);

    /** The positions of each id's records among the first {@code upTo}; immutable once made. */
    private record Index(Map<String, int[]> positions, int upTo) {
    }

    private final InstanceRecord[] items;
    /** Made on the first look-up (a benign race: made whole, then published through a volatile). */
    private volatile Index index;

    private Records(InstanceRecord[] items, Index index) {
        this.items = items;
        this.index = index;
    }

    /** {@code list} itself when it is one, else a copy (nulls refused, as List.copyOf does). */
    static Records of(List<InstanceRecord> list) {
        if (list instanceof Records r) {
            return r;
        }
        if (list == null || list.isEmpty()) {
            return EMPTY;
        }
        InstanceRecord[] a = list.toArray(new InstanceRecord[0]);
        for (InstanceRecord r : a) {
            Objects.requireNonNull(r, "record");
        }
        return new Records(a, null);
    }

    @Override
    public InstanceRecord get(int i) {
        return items[i];
    }

    @Override
    public int size() {
        return items.length;
    }

    /** The position of the record of (id, version), or -1. */
    int indexOf(String id, String version) {
        Index ix = index;
        if (ix == null || items.length - ix.upTo() > TAIL) {
            ix = build();
        }
        int[] at = ix.positions().get(id);
        if (at != null) {
            for (int p : at) {
                if (items[p].sameInstance(id, version)) {
                    return p;
                }
            }
        }
        for (int p = ix.upTo(); p < items.length; p++) {
            if (items[p].sameInstance(id, version)) {
                return p;
            }
        }
        return -1;
    }

    private Index build() {
        Map<String, int[]> m = new HashMap<>(Math.max(16, items.length * 2));
        for (int p = 0; p < items.length; p++) {
            int[] was = m.get(items[p].id());
            if (was == null) {
                m.put(items[p].id(), new int[] {p});
            } else {
                int[] more = Arrays.copyOf(was, was.length + 1);
                more[was.length] = p;
                m.put(items[p].id(), more);
            }
        }
        Index ix = new Index(m, items.length);
        index = ix;
        return ix;
    }

    /** These records with {@code r} in place of those of its (id, version) (one, unless a file held it twice), or appended. */
    Records with(InstanceRecord r) {
        Objects.requireNonNull(r, "record");
        int first = indexOf(r.id(), r.version());
        if (first < 0) {
            InstanceRecord[] a = Arrays.copyOf(items, items.length + 1);
            a[items.length] = r;
            return new Records(a, index); // the new one is past the index's end
        }
        InstanceRecord[] a = items.clone();
        Index ix = index;
        for (int p : ix.positions().getOrDefault(r.id(), NONE)) {
            if (items[p].sameInstance(r.id(), r.version())) {
                a[p] = r;
            }
        }
        for (int p = ix.upTo(); p < items.length; p++) {
            if (items[p].sameInstance(r.id(), r.version())) {
                a[p] = r;
            }
        }
        return new Records(a, ix); // positions unchanged
    }

    private static final int[] NONE = new int[0];

    /** These records without those of (id, version). */
    Records without(String id, String version) {
        if (indexOf(id, version) < 0) {
            return this;
        }
        List<InstanceRecord> out = new ArrayList<>(this);
        out.removeIf(r -> r.sameInstance(id, version));
        return out.isEmpty() ? EMPTY : new Records(out.toArray(new InstanceRecord[0]), null);
    }
}
