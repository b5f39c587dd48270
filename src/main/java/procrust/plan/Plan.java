package procrust.plan;

import java.time.Instant;
import java.util.List;

/**
 * What apply would do at {@code at}: changes first, in execution order (stops, dependents before
 * their dependencies; replaces; starts in topological order), then every process left alone with its
 * reason. {@code nextChange} is the next instant at which the plan could differ without anything
 * else happening (window edge, apply_on, back-off end), or null.
 */
public record Plan(Instant at, List<Action> actions, Instant nextChange) {

    public Plan {
        actions = List.copyOf(actions);
    }

    public boolean hasChanges() {
        return actions.stream().anyMatch(Action::isChange);
    }
}
