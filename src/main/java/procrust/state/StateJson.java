package procrust.state;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import procrust.config.Fingerprint;
import procrust.plan.InstanceState;

/**
 * The JSON of the state folder ({@code state.json} and request files), written and read field by field
 * on jackson-core's streaming API. No data binding: the long-running apply must not carry
 * jackson-databind's classes, reflection and proxies for three small records.
 *
 * <p>The text is what databind wrote for these records (format 1): keys in record-component order,
 * Jackson's default pretty printer ({@code "key" : value}), nulls written as {@code null}, instants as
 * {@link Instant#toString()}, enums by name; fingerprint keys are sorted (databind wrote them in the
 * map's unspecified order). Reading ignores unknown keys, refuses null or a missing value for an
 * {@code int} and anything after the root object, and reports every mismatch as an IOException saying
 * where.
 */
final class StateJson {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final InstanceState[] STATES = InstanceState.values();

    private StateJson() {
    }

    /** {@code s} as the text of {@code state.json} (UTF-8). */
    static byte[] write(StateFile s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + 1024 * s.instances().size());
        try (JsonGenerator g = generator(out)) {
            g.writeStartObject();
            g.writeNumberField("format", s.format());
            string(g, "uid", s.uid());
            g.writeArrayFieldStart("instances");
            for (InstanceRecord r : s.instances()) {
                write(g, r);
            }
            g.writeEndArray();
            strings(g, "holds", s.holds());
            if (s.logDir() != null) {
                string(g, "log_dir", s.logDir());
            }
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    private static void write(JsonGenerator g, InstanceRecord r) throws IOException {
        g.writeStartObject();
        string(g, "id", r.id());
        string(g, "version", r.version());
        string(g, "type", r.type());
        string(g, "state", name(r.state()));
        number(g, "pid", r.pid());
        number(g, "startTicks", r.startTicks());
        string(g, "bootId", r.bootId());
        instant(g, "startedAt", r.startedAt());
        instant(g, "since", r.since());
        g.writeNumberField("restarts", r.restarts());
        g.writeNumberField("consecutiveFailures", r.consecutiveFailures());
        instant(g, "backoffUntil", r.backoffUntil());
        instant(g, "completedWindow", r.completedWindow());
        instant(g, "runningSince", r.runningSince());
        g.writeObjectFieldStart("fingerprint");
        Map<String, String> fields = r.fingerprint().fields();
        String[] keys = fields.keySet().toArray(new String[0]);
        Arrays.sort(keys);
        for (String k : keys) {
            g.writeStringField(k, fields.get(k));
        }
        g.writeEndObject();
        number(g, "lastExit", r.lastExit() == null ? null : r.lastExit().longValue());
        string(g, "note", r.note());
        string(g, "afterStop", name(r.afterStop()));
        if (r.health() != null) {
            g.writeObjectFieldStart("health");
            g.writeNumberField("failures", r.health().failures());
            string(g, "lastError", r.health().lastError());
            instant(g, "lastOk", r.health().lastOk());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /**
     * The state in {@code bytes}, or null when they hold no JSON value or only {@code null}. Anything
     * else that is not a state object is an IOException naming the problem and where it is.
     */
    static StateFile readState(byte[] bytes) throws IOException {
        try (JsonParser p = FACTORY.createParser(bytes)) {
            return readState(p);
        } catch (JsonProcessingException e) {
            throw JsonFields.located(e);
        }
    }

    private static StateFile readState(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null || t == JsonToken.VALUE_NULL) {
            if (t != null) {
                JsonFields.end(p, "null");
            }
            return null;
        }
        JsonFields.startObject(p, false);
        JsonLocation start = p.currentTokenLocation();
        Integer format = null;
        String uid = null;
        List<InstanceRecord> instances = null;
        List<String> holds = null;
        String logDir = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            switch (key) {
                case "format" -> format = JsonFields.intValue(p);
                case "uid" -> uid = JsonFields.string(p);
                case "instances" -> instances = records(p);
                case "holds" -> holds = JsonFields.strings(p);
                case "log_dir" -> logDir = JsonFields.string(p);
                default -> p.skipChildren();
            }
        }
        JsonFields.end(p, "state object");
        if (format == null || uid == null) {
            throw missing("the state object", format == null ? "format" : "uid", start);
        }
        return new StateFile(format, uid, instances, holds, logDir);
    }

    private static List<InstanceRecord> records(JsonParser p) throws IOException {
        if (!JsonFields.startArray(p, true)) {
            return null;
        }
        List<InstanceRecord> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            out.add(record(p, out.size()));
        }
        return out;
    }

    private static InstanceRecord record(JsonParser p, int index) throws IOException {
        JsonFields.startObject(p, false);
        JsonLocation start = p.currentTokenLocation();
        String id = null;
        String version = null;
        String type = null;
        InstanceState state = null;
        Long pid = null;
        Long startTicks = null;
        String bootId = null;
        Instant startedAt = null;
        Instant since = null;
        Integer restarts = null;
        Integer failures = null;
        Instant backoffUntil = null;
        Instant completedWindow = null;
        Instant runningSince = null;
        Map<String, String> fingerprint = null;
        Integer lastExit = null;
        String note = null;
        InstanceState afterStop = null;
        HealthRecord health = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            switch (key) {
                case "id" -> id = JsonFields.string(p);
                case "version" -> version = JsonFields.string(p);
                case "type" -> type = JsonFields.string(p);
                case "state" -> state = JsonFields.constant(p, STATES);
                case "pid" -> pid = JsonFields.longOrNull(p);
                case "startTicks" -> startTicks = JsonFields.longOrNull(p);
                case "bootId" -> bootId = JsonFields.string(p);
                case "startedAt" -> startedAt = JsonFields.instant(p);
                case "since" -> since = JsonFields.instant(p);
                case "restarts" -> restarts = JsonFields.intValue(p);
                case "consecutiveFailures" -> failures = JsonFields.intValue(p);
                case "backoffUntil" -> backoffUntil = JsonFields.instant(p);
                case "completedWindow" -> completedWindow = JsonFields.instant(p);
                case "runningSince" -> runningSince = JsonFields.instant(p);
                case "fingerprint" -> fingerprint = stringMap(p);
                case "lastExit" -> lastExit = JsonFields.intOrNull(p);
                case "note" -> note = JsonFields.string(p);
                case "afterStop" -> afterStop = JsonFields.constant(p, STATES);
                case "health" -> health = health(p);
                default -> p.skipChildren();
            }
        }
        String absent = id == null ? "id" : version == null ? "version" : state == null ? "state"
                : restarts == null ? "restarts" : failures == null ? "consecutiveFailures" : null;
        if (absent != null) {
            throw missing("/instances/" + index, absent, start);
        }
        return new InstanceRecord(id, version, type, state, pid, startTicks, bootId, startedAt, since, restarts,
                failures, backoffUntil, completedWindow, runningSince, Fingerprint.fromFields(fingerprint), lastExit,
                note, afterStop, health);
    }

    /** {@code "health": {failures, lastError, lastOk}} or null. */
    private static HealthRecord health(JsonParser p) throws IOException {
        if (!JsonFields.startObject(p, true)) {
            return null;
        }
        int failures = 0;
        String lastError = null;
        Instant lastOk = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            switch (key) {
                case "failures" -> failures = JsonFields.intValue(p);
                case "lastError" -> lastError = JsonFields.string(p);
                case "lastOk" -> lastOk = JsonFields.instant(p);
                default -> p.skipChildren();
            }
        }
        return new HealthRecord(failures, lastError, lastOk);
    }

    private static Map<String, String> stringMap(JsonParser p) throws IOException {
        if (!JsonFields.startObject(p, true)) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            String value = JsonFields.string(p);
            if (value == null) {
                throw JsonFields.error(p, "null where a string is required");
            }
            out.put(key, value);
        }
        return out;
    }

    private static IOException missing(String where, String key, JsonLocation start) {
        return new IOException(where + " " + JsonFields.at(start) + ": \"" + key + "\" is missing or null");
    }

    /** {@code r} as the text of a request file (UTF-8). */
    static byte[] write(Requests.Request r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        try (JsonGenerator g = generator(out)) {
            g.writeStartObject();
            string(g, "op", r.op());
            strings(g, "ids", r.ids());
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    /**
     * The request in {@code bytes}: an object with a string {@code op} and an array of strings
     * {@code ids} (other keys are ignored); anything else is an IOException saying what is expected.
     * The op is not checked here.
     */
    static Requests.Request readRequest(byte[] bytes) throws IOException {
        try (JsonParser p = FACTORY.createParser(bytes)) {
            return readRequest(p);
        } catch (JsonProcessingException e) {
            throw JsonFields.located(e);
        }
    }

    private static Requests.Request readRequest(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw notARequest();
        }
        String op = null;
        List<String> ids = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            if (key.equals("op")) {
                op = t == JsonToken.VALUE_STRING ? p.getText() : null;
            } else if (key.equals("ids")) {
                ids = t == JsonToken.START_ARRAY ? ids(p) : null;
            }
            p.skipChildren();
        }
        JsonFields.end(p, "request");
        if (op == null || ids == null) {
            throw notARequest();
        }
        return new Requests.Request(op, ids);
    }

    /** The strings of the array at the parser, or null when an element is not a string. */
    private static List<String> ids(JsonParser p) throws IOException {
        List<String> out = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.VALUE_STRING) {
                p.skipChildren();
                out = null;
            } else if (out != null) {
                out.add(p.getText());
            }
        }
        return out;
    }

    private static IOException notARequest() {
        return new IOException("not a request: expected {\"op\": \"hold\"|\"release\", \"ids\": [...]}");
    }

    private static JsonGenerator generator(ByteArrayOutputStream out) throws IOException {
        return FACTORY.createGenerator(out, JsonEncoding.UTF8).useDefaultPrettyPrinter();
    }

    private static void string(JsonGenerator g, String key, String value) throws IOException {
        g.writeFieldName(key);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeString(value);
        }
    }

    private static void strings(JsonGenerator g, String key, List<String> values) throws IOException {
        g.writeArrayFieldStart(key);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static void number(JsonGenerator g, String key, Long value) throws IOException {
        g.writeFieldName(key);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeNumber(value);
        }
    }

    private static void instant(JsonGenerator g, String key, Instant value) throws IOException {
        string(g, key, value == null ? null : value.toString());
    }

    private static String name(InstanceState s) {
        return s == null ? null : s.name();
    }
}
