package procrust.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import procrust.plan.Upcoming;
import procrust.reconcile.StatusReport;

/** Text and JSON renderings of a {@link StatusReport} (SPEC §4). */
final class StatusViews {

    /**
     * Jackson's mapper, made at the first JSON view: making it loads about 400 classes, 30-60 ms that
     * the text view (watch procrust status) does not pay (docs/benchmarks.md#start-up).
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private StatusViews() {
    }

    static String json(StatusReport r) throws JsonProcessingException {
        return json(r, false, Map.of());
    }

    /** {@code unsupervised}: no apply runs and the host is not run by apply --once (exit 4). */
    static String json(StatusReport r, boolean unsupervised) throws JsonProcessingException {
        return json(r, unsupervised, Map.of());
    }

    /** ... with {@code extra} keys after {@code processes} and {@code counts}. */
    static String json(StatusReport r, boolean unsupervised, Map<String, Object> extra) throws JsonProcessingException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("uid", r.uid());
        doc.put("apply_pid", r.applyPid());
        doc.put("at", r.at().toString());
        doc.put("ok", r.ok());
        doc.put("supervised", !unsupervised);
        doc.put("state_problem", r.stateProblem());
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (StatusReport.Row row : r.rows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", row.id());
            m.put("version", row.version());
            m.put("type", row.type());
            m.put("state", row.state().name());
            m.put("pid", row.pid());
            m.put("started_at", row.startedAt() == null ? null : row.startedAt().toString());
            m.put("uptime_seconds", row.startedAt() == null ? null
                    : Duration.between(row.startedAt(), r.at()).toSeconds());
            m.put("restarts", row.restarts());
            m.put("note", row.note());
            m.put("next_change", row.next() == null ? null : nextChange(row.next()));
            m.put("health", health(row));
            rows.add(m);
            counts.merge(row.state().name(), 1, Integer::sum);
        }
        doc.put("processes", rows);
        doc.put("counts", counts);
        doc.putAll(extra);
        return Json.MAPPER.writeValueAsString(doc);
    }

    /** {@code {"failures", "last_error", "last_ok"}} for a process with a liveness check, else null. */
    private static Map<String, Object> health(StatusReport.Row row) {
        if (row.health() == null) {
            return null;
        }
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("failures", row.health().failures());
        h.put("last_error", row.health().lastError());
        h.put("last_ok", row.health().lastOk() == null ? null : row.health().lastOk().toString());
        return h;
    }

    /** {"at", "kind": window_opens | window_closes | version, "what"}: the next change of an id. */
    static Map<String, Object> nextChange(Upcoming.Event e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", e.at().toString());
        m.put("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT));
        m.put("what", e.what());
        return m;
    }

    static String text(StatusReport r) {
        return text(r, false);
    }

    static String text(StatusReport r, boolean unsupervised) {
        return text(r, unsupervised, List.of(), null);
    }

    /**
     * {@code notes} (warnings) under the header line; {@code footer}, when not null, instead of the line
     * that says whether every wanted process is in its wanted state.
     */
    static String text(StatusReport r, boolean unsupervised, List<String> notes, String footer) {
        StringBuilder sb = new StringBuilder();
        sb.append("uid ").append(r.uid()).append(": ")
                .append(r.applyPid() == null ? "no apply running" : "apply running (pid " + r.applyPid() + ")").append('\n');
        if (r.stateProblem() != null) {
            sb.append("warning: ").append(r.stateProblem()).append('\n');
        }
        for (String n : notes) {
            sb.append(n).append('\n');
        }
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"ID", "VERSION", "TYPE", "STATE", "PID", "UPTIME", "RESTARTS", "NOTE"});
        for (StatusReport.Row row : r.rows()) {
            lines.add(new String[] {row.id(), row.version(), row.type(), row.state().name(),
                    row.pid() == null ? "-" : row.pid().toString(),
                    row.startedAt() == null ? "-" : uptime(row.startedAt(), r.at()),
                    Integer.toString(row.restarts()), row.note() == null ? "" : row.note()});
        }
        int[] w = new int[8];
        for (String[] l : lines) {
            for (int i = 0; i < 7; i++) {
                w[i] = Math.max(w[i], l[i].length());
            }
        }
        for (String[] l : lines) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                line.append(i < 7 ? String.format("%-" + w[i] + "s  ", l[i]) : l[i]);
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        if (r.rows().isEmpty()) {
            sb.append("(no processes)\n");
        }
        if (footer != null) {
            sb.append(footer).append('\n');
        } else if (!r.ok()) {
            sb.append("not every wanted process is in its wanted state (exit 3)\n");
        } else if (unsupervised) {
            sb.append("every wanted process is in its wanted state, but no apply is running to keep them so (exit 4)\n");
        } else {
            sb.append("every wanted process is in its wanted state\n");
        }
        if (unsupervised) {
            sb.append("nothing supervises these processes: start procrust apply (or its systemd unit); a host run by "
                    + "apply --once is not reported so\n");
        }
        return sb.toString();
    }

    /** 45s, 3m05s, 2h03m, 4d02h. */
    static String uptime(Instant from, Instant now) {
        long s = Math.max(0, Duration.between(from, now).toSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format("%dm%02ds", s / 60, s % 60);
        }
        if (s < 86400) {
            return String.format("%dh%02dm", s / 3600, (s % 3600) / 60);
        }
        return String.format("%dd%02dh", s / 86400, (s % 86400) / 3600);
    }
}
