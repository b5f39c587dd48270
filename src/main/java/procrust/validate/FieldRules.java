package procrust.validate;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Payload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import procrust.config.SourcePos;
import procrust.config.raw.Codes;
import procrust.config.raw.Located;
import procrust.config.raw.RawConfig;
import procrust.config.raw.RawProcess;
import procrust.config.read.Sink;
import procrust.diag.Code;

/**
 * The field constraints declared on the raw records, checked by Hibernate Validator; each violation
 * becomes a diagnostic at the offending key (at the table's header for a missing key). A null value
 * under a key that is written was unreadable and is already reported, so it is skipped here.
 */
final class FieldRules {

    /** What each required key is, for "missing" messages. */
    private static final Map<String, String> REQUIRED = Map.of(
            "uid", "missing `uid`: every file needs a uid = \"<UUID>\" naming its services (`procrust uid` prints one)",
            "file_format", "missing `file_format`: add file_format = \"0\"",
            "id", "missing `id`: every [[process]] needs an id, its name",
            "command", "missing `command`: every [[process]] needs the shell command to run",
            "apply_on", "missing `apply_on`: every [[process]] needs the date-time from which it applies, "
                    + "like apply_on = \"2024-10-01T12:00:00\"");

    private FieldRules() {
    }

    /** The top-level keys (the entries are checked one by one, see {@link #checkEntry}); true if any failed. */
    static boolean checkTop(RawConfig raw, Sink sink) {
        Set<ConstraintViolation<RawConfig>> found = Validators.get().validate(raw);
        for (ConstraintViolation<RawConfig> v : found) {
            report(raw, null, v, sink);
        }
        return !found.isEmpty();
    }

    /** One entry; thread-safe (each caller gives its own sink); true if any constraint failed. */
    static boolean checkEntry(RawProcess entry, Sink sink) {
        Set<ConstraintViolation<RawProcess>> found = Validators.get().validate(entry);
        for (ConstraintViolation<RawProcess> v : found) {
            report(entry, entry.id(), v, sink);
        }
        return !found.isEmpty();
    }

    private static void report(Located root, String processId, ConstraintViolation<?> v, Sink sink) {
        List<String> names = new ArrayList<>();
        String mapKey = null;
        for (Path.Node n : v.getPropertyPath()) {
            if (n.getKind() == ElementKind.CONTAINER_ELEMENT && n.getKey() != null) {
                mapKey = String.valueOf(n.getKey());
            } else if (n.getKind() == ElementKind.PROPERTY && n.getName() != null) {
                names.add(snake(n.getName()));
            }
        }
        String key = names.isEmpty() ? "" : names.get(names.size() - 1);
        String localKey = mapKey != null ? key + "." + mapKey : key;
        String field = String.join(".", names) + (mapKey != null ? "." + mapKey : "");
        Located leaf = v.getLeafBean() instanceof Located ? (Located) v.getLeafBean() : root;
        Object value = v.getInvalidValue();
        SourcePos pos = leaf.posOf(localKey);
        if (value == null) {
            if (leaf.has(localKey)) {
                return; // written but unreadable: already reported by the reader
            }
            String message = REQUIRED.getOrDefault(field, "missing `" + field + "`");
            sink.error(Code.MISSING_FIELD, message, pos, processId, field);
            return;
        }
        Code code = Code.INVALID_VALUE;
        for (Class<? extends Payload> p : v.getConstraintDescriptor().getPayload()) {
            if (p == Codes.UnsupportedFileFormat.class) {
                code = Code.UNSUPPORTED_FILE_FORMAT;
            }
        }
        String shown = mapKey != null ? "environment variable name `" + mapKey + "`" : "`" + field + "`";
        String message = shown + " " + v.getMessage();
        if ((value instanceof String || value instanceof Number) && mapKey == null && !message.contains("got ")) {
            message += "; got " + (value instanceof String ? "\"" + shorten((String) value) + "\"" : value);
        }
        sink.error(code, message, pos, processId, field);
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    /** {@code startHealthCheck} to {@code start_health_check}. */
    static String snake(String camel) {
        StringBuilder sb = new StringBuilder(camel.length() + 4);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                sb.append('_').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
