package procrust.config.read;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every key the file format knows, per table; the source of the "did you mean" suggestions. */
final class Keys {

    static final List<String> TOP = List.of("uid", "file_format", "timezone", "log_max_size", "log_keep", "log_group",
            "process");
    static final List<String> PROCESS = List.of("id", "command", "apply_on", "type", "depends_on", "working_dir",
            "env", "stop_timeout", "schedule", "start_health_check", "restart", "group", "log_max_size", "log_keep");
    static final List<String> SCHEDULE = List.of("start_time", "stop_time", "week_days");
    static final List<String> HEALTH_CHECK = List.of("command", "timeout", "interval");
    static final List<String> RESTART = List.of("policy", "max_attempts", "delay", "max_delay");
    static final List<String> DURATION = List.of("secs", "nanos");

    /** Table names as a user writes them, for messages: where each key belongs. */
    static final Map<String, List<String>> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("the top level", TOP);
        TABLES.put("[[process]]", PROCESS);
        TABLES.put("[process.schedule]", SCHEDULE);
        TABLES.put("[process.start_health_check]", HEALTH_CHECK);
        TABLES.put("[process.restart]", RESTART);
    }

    private Keys() {
    }

    /**
     * The message for an unknown key in a table whose known keys are {@code known}: the closest known
     * key, else the table where a key of that name belongs, else the list of known keys.
     */
    static String unknownKeyMessage(String key, String table, List<String> known) {
        String shown = key.length() > 80 ? key.substring(0, 80) + "..." : key;
        String near = Suggestions.closest(key, known);
        if (near != null) {
            return "unknown key `" + shown + "` in " + table + ": did you mean `" + near + "`?";
        }
        for (Map.Entry<String, List<String>> e : TABLES.entrySet()) {
            if (!e.getValue().equals(known) && e.getValue().contains(key)) {
                return "unknown key `" + shown + "` in " + table + ": `" + key + "` belongs in " + e.getKey();
            }
        }
        return "unknown key `" + shown + "` in " + table + "; known keys: " + String.join(", ", known);
    }
}
