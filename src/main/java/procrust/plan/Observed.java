package procrust.plan;

import java.util.List;
import java.util.Set;

/**
 * Everything observed on the host for one uid: the instances known (live or remembered: COMPLETED,
 * FAILED, BACKOFF...), the operator holds (ids stopped by {@code procrust stop}) and who procrust
 * itself runs as ({@code self}: a start as another user is refused unless it is root).
 */
public record Observed(List<ObservedInstance> instances, Set<String> holds, ProcrustUser self) {

    public static final Observed EMPTY = new Observed(List.of(), Set.of());

    public Observed {
        instances = List.copyOf(instances);
        holds = Set.copyOf(holds);
        self = self == null ? ProcrustUser.UNKNOWN : self;
    }

    /** Instances and holds, procrust's own user unknown. */
    public Observed(List<ObservedInstance> instances, Set<String> holds) {
        this(instances, holds, ProcrustUser.UNKNOWN);
    }
}
