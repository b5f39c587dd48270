package procrust.config.read;

import java.time.Duration;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tomlj.TomlArray;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;
import procrust.config.SourcePos;
import procrust.diag.Code;

/**
 * Typed, position-aware access to one TOML table: unknown keys and values of the wrong form become
 * diagnostics (and null values), never exceptions. Keys are looked up as one-element paths, so tomlj
 * never re-parses a dotted key.
 */
final class TableReader {

    private final TomlTable table;
    private final SourcePos pos;
    private final String name;
    private final String prefix;
    private final Sink sink;
    private final SourceText src;
    private final Map<String, SourcePos> at = new HashMap<>();
    private final int lineOffset;
    private String process;

    /**
     * @param name   the table as a user writes it, for messages ({@code [process.schedule]})
     * @param prefix the key path of the table inside a process, with a trailing dot ({@code "schedule."}), or ""
     * @param lineOffset lines of the file before the text tomlj parsed (see {@link TomlChunks})
     */
    TableReader(TomlTable table, SourcePos pos, String name, String prefix, String process, Sink sink, SourceText src,
                int lineOffset) {
        this.table = table;
        this.lineOffset = lineOffset;
        this.pos = pos;
        this.name = name;
        this.prefix = prefix;
        this.process = process;
        this.sink = sink;
        this.src = src;
    }

    SourcePos pos() {
        return pos;
    }

    Map<String, SourcePos> at() {
        return at;
    }

    Sink sink() {
        return sink;
    }

    SourceText src() {
        return src;
    }

    String process() {
        return process;
    }

    void process(String id) {
        this.process = id;
    }

    /** Records where each known key is and reports every other key as unknown. */
    void keys(List<String> known) {
        for (String k : table.keySet()) {
            SourcePos p = position(table.inputPositionOf(List.of(k)));
            if (known.contains(k)) {
                at.put(k, p);
            } else {
                sink.error(Code.UNKNOWN_KEY, Keys.unknownKeyMessage(k, name, known), p, process, prefix + k);
            }
        }
    }

    /** The value of a known key, or null when absent. */
    Object get(String key) {
        return at.containsKey(key) ? table.get(List.of(key)) : null;
    }

    /** Reports that a present key's value is unusable; {@code message} completes "`key` ...". */
    void invalid(String key, String message) {
        invalidAt(at.get(key), key, message);
    }

    void invalidAt(SourcePos p, String key, String message) {
        sink.error(Code.INVALID_VALUE, "`" + prefix + key + "` " + message, p == null ? pos : p, process, prefix + key);
    }

    String string(String key) {
        Object v = get(key);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        invalid(key, "must be a string; got " + typeName(v));
        return null;
    }

    Long integer(String key) {
        Object v = get(key);
        if (v == null || v instanceof Long) {
            return (Long) v;
        }
        invalid(key, "must be an integer; got " + typeName(v));
        return null;
    }

    /** A duration: {@code { secs, nanos }}, integer seconds, or a string like "1m30s". */
    Duration duration(String key) {
        Object v = get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Long) {
            long secs = (Long) v;
            return Duration.ofSeconds(secs);
        }
        if (v instanceof String) {
            Parsed<Duration> d = Durations.parse((String) v);
            if (!d.ok()) {
                invalid(key, d.error());
            }
            return d.value();
        }
        if (v instanceof TomlTable) {
            TableReader t = sub(key, (TomlTable) v, "`" + prefix + key + "`");
            t.keys(Keys.DURATION);
            Long secs = t.integer("secs");
            Long nanos = t.integer("nanos");
            boolean ok = true;
            if (!t.at.containsKey("secs")) {
                sink.error(Code.MISSING_FIELD, "`" + prefix + key + "` needs `secs` (and optionally `nanos`): "
                        + "{ secs = 30, nanos = 0 }", t.pos, process, prefix + key + ".secs");
                ok = false;
            }
            if (nanos != null && (nanos < 0 || nanos > 999_999_999)) {
                t.invalid("nanos", "must be between 0 and 999999999");
                ok = false;
            }
            if (!ok || secs == null || (t.at.containsKey("nanos") && nanos == null)) {
                return null;
            }
            return Duration.ofSeconds(secs, nanos == null ? 0 : nanos);
        }
        invalid(key, "must be " + Durations.FORMS + "; got " + typeName(v));
        return null;
    }

    /** A byte size: an integer or a string like "10MiB". */
    Long size(String key) {
        Object v = get(key);
        if (v == null || v instanceof Long) {
            return (Long) v;
        }
        if (v instanceof String) {
            Parsed<Long> s = Sizes.parse((String) v);
            if (!s.ok()) {
                invalid(key, s.error());
            }
            return s.value();
        }
        invalid(key, "must be " + Sizes.FORMS + "; got " + typeName(v));
        return null;
    }

    /** A time of day: a string "HH:MM[:SS]" or a TOML local time. End of day ("24:00") reads as null. */
    LocalTime time(String key, boolean endOfDayAllowed) {
        Object v = get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof LocalTime) {
            return (LocalTime) v;
        }
        if (v instanceof String) {
            Parsed<LocalTime> t = Times.timeOfDay((String) v, endOfDayAllowed);
            if (!t.ok()) {
                invalid(key, t.error());
            }
            return t.value();
        }
        invalid(key, "must be " + Times.TIME_FORMS + "; got " + typeName(v));
        return null;
    }

    /** A sub-table (a [header] table or an inline table); null when absent or not a table. */
    TableReader table(String key, String tableName) {
        Object v = get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof TomlTable)) {
            invalid(key, "must be a table (" + tableName + " or an inline { ... }); got " + typeName(v));
            return null;
        }
        return sub(key, (TomlTable) v, tableName);
    }

    private TableReader sub(String key, TomlTable t, String tableName) {
        return new TableReader(t, at.get(key), tableName, prefix + key + ".", process, sink, src, lineOffset);
    }

    /** An array; null when absent or not an array. */
    TomlArray array(String key, String what) {
        Object v = get(key);
        if (v == null || v instanceof TomlArray) {
            return (TomlArray) v;
        }
        invalid(key, "must be an array of " + what + "; got " + typeName(v));
        return null;
    }

    /** The raw table, for keys that are user data (env). */
    TomlTable raw() {
        return table;
    }

    /** A tomlj position as a position in the file. */
    SourcePos position(TomlPosition p) {
        return p == null ? pos : new SourcePos(p.line() + lineOffset, p.column());
    }

    /** "a string", "an integer", ... for messages. */
    static String typeName(Object v) {
        if (v instanceof String) {
            return "a string";
        } else if (v instanceof Long) {
            return "an integer";
        } else if (v instanceof Double) {
            return "a float";
        } else if (v instanceof Boolean) {
            return "a boolean";
        } else if (v instanceof java.time.OffsetDateTime) {
            return "a date-time";
        } else if (v instanceof java.time.LocalDateTime) {
            return "a local date-time";
        } else if (v instanceof java.time.LocalDate) {
            return "a date";
        } else if (v instanceof LocalTime) {
            return "a time";
        } else if (v instanceof TomlArray) {
            return "an array";
        } else if (v instanceof TomlTable) {
            return "a table";
        }
        return "a " + v.getClass().getSimpleName();
    }
}
