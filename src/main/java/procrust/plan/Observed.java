package procrust.plan;

import java.util.List;
import java.util.Set;

/**
 * Everything observed on the host for one uid: the instances known (live or remembered: COMPLETED,
 * FAILED, BACKOFF...) and the operator holds (ids stopped by {@code procrust stop}).
 */
public record Observed(List<ObservedInstance> instances, Set<String> holds) {

    public static final Observed EMPTY = new Observed(List.of(), Set.of());

    public Observed {
        instances = List.copyOf(instances);
        holds = Set.copyOf(holds);
    }
}
