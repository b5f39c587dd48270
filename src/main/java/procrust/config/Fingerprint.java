package procrust.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an instance was started with ({@link ProcessSpec#fingerprint()}), recorded at its start:
 * {@code fields}, the canonical text of each field that shapes a started instance (compared to tell
 * "changed since start: takes effect at next start"; this is what the state file stores), and, typed,
 * what apply and the planner still need of the entry once it has left the file: its
 * {@code depends_on} and its {@code stop_timeout} (null when not known). Equal when the fields are.
 */
public record Fingerprint(Map<String, String> fields, List<String> dependsOn, Duration stopTimeout) {

    /** Nothing recorded (an instance never started, or a state file from before fingerprints). */
    public static final Fingerprint NONE = new Fingerprint(Map.of(), List.of(), null);

    public Fingerprint {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields)); // in the entry's order: "changed" lists it
        dependsOn = List.copyOf(dependsOn);
    }

    /**
     * The fingerprint stored as {@code fields} in a state file: the typed parts read back from their
     * text ({@code depends_on} as {@code [a, b]}: ids hold no comma; {@code stop_timeout} ISO-8601).
     * The one place that text is parsed.
     */
    public static Fingerprint fromFields(Map<String, String> fields) {
        if (fields == null || fields.isEmpty()) {
            return NONE;
        }
        String deps = fields.getOrDefault("depends_on", "[]");
        List<String> dependsOn = deps.length() < 3 || !deps.startsWith("[") || !deps.endsWith("]") ? List.of()
                : List.of(deps.substring(1, deps.length() - 1).split(", "));
        Duration stop = null;
        String timeout = fields.get("stop_timeout");
        if (timeout != null) {
            try {
                stop = Duration.parse(timeout);
            } catch (DateTimeParseException e) {
                stop = null;
            }
        }
        return new Fingerprint(fields, dependsOn, stop);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprint f && fields.equals(f.fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }
}
