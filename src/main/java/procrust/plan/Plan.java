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

    /**
     * The processes left alone that only an operator can move on: FAILED (until the entry changes or
     * {@code procrust start}), held ({@code procrust stop}). apply never acts on them by itself.
     */
    public List<Action> needingOperator() {
        return actions.stream().filter(a -> a.kind() == ActionKind.WAIT && a.reason() != null
                && (a.reason().startsWith(Reasons.FAILED) || a.reason().startsWith(Reasons.HELD))).toList();
    }
}
