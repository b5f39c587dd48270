package procrust.state;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * The content of {@code DIR/<uid>/state.json}: every remembered instance, the operator holds (ids
 * kept stopped by {@code procrust stop}) and the log folder apply used ({@code logs} finds it there
 * without {@code --log-dir}; null when not recorded). Immutable; the "with" methods return a copy.
 */
public record StateFile(int format, String uid, List<InstanceRecord> instances, List<String> holds, String logDir) {

    public StateFile(int format, String uid, List<InstanceRecord> instances, List<String> holds) {
        this(format, uid, instances, holds, null);
    }

    public static final int FORMAT = 1;

    public StateFile {
        Objects.requireNonNull(uid, "uid");
        instances = Records.of(instances); // an immutable list that finds a record by id at once
        holds = holds == null ? List.of() : List.copyOf(holds);
    }

    public static StateFile empty(String uid) {
        return new StateFile(FORMAT, uid, List.of(), List.of());
    }

    public Optional<InstanceRecord> find(String id, String version) {
        Records rs = (Records) instances;
        int p = rs.indexOf(id, version);
        return p < 0 ? Optional.empty() : Optional.of(rs.get(p));
    }

    /**
     * Walks {@code after} against {@code before} where each record stands ({@link #put} replaces a record
     * in place and appends a new one): {@code changed} gets each record of {@code after} that is not the
     * very object at its place in {@code before}, with the one it replaced (null for an appended one).
     * False, the walk stopped, when {@code before} is longer or holds another instance at some place (a
     * record removed or moved): the caller then compares by key. No map, O(records).
     */
    public static boolean inPlace(List<InstanceRecord> before, List<InstanceRecord> after,
                                  BiConsumer<InstanceRecord, InstanceRecord> changed) {
        if (before.size() > after.size()) {
            return false;
        }
        for (int i = 0; i < before.size(); i++) {
            InstanceRecord was = before.get(i);
            InstanceRecord r = after.get(i);
            if (was == r) {
                continue;
            }
            if (!r.sameInstance(was.id(), was.version())) {
                return false;
            }
            changed.accept(was, r);
        }
        for (int i = before.size(); i < after.size(); i++) {
            changed.accept(null, after.get(i));
        }
        return true;
    }

    /** Replaces the record of the same (id, version), or appends it. */
    public StateFile put(InstanceRecord r) {
        return new StateFile(format, uid, ((Records) instances).with(r), holds, logDir);
    }

    /** Applies {@code f} to the record of (id, version) when there is one. */
    public StateFile update(String id, String version, UnaryOperator<InstanceRecord> f) {
        return find(id, version).map(r -> put(f.apply(r))).orElse(this);
    }

    public StateFile remove(String id, String version) {
        Records rs = (Records) instances;
        Records out = rs.without(id, version);
        return out == rs ? this : new StateFile(format, uid, out, holds, logDir);
    }

    public StateFile withHolds(List<String> newHolds) {
        return new StateFile(format, uid, instances, newHolds, logDir);
    }

    /** This state with {@code list} as its records, every other field kept. */
    public StateFile withInstances(List<InstanceRecord> list) {
        return new StateFile(format, uid, list, holds, logDir);
    }

    /** This state with the log folder apply uses. */
    public StateFile withLogDir(String dir) {
        return Objects.equals(dir, logDir) ? this : new StateFile(format, uid, instances, holds, dir);
    }
}
