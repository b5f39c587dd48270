package procrust.migrate;

import java.util.Map;

/** One key of a process-compose process onto one procrust entry (docs/import.md has the table). */
final class ProcessComposeKeys {

    private ProcessComposeKeys() {
    }

    static void apply(ProcessCompose pc, String name, Draft.Proc p, String key, Object value) {
        String where = "processes." + name;
        switch (key) {
            case "command", "entrypoint", "depends_on" -> {
                // taken by ProcessCompose
            }
            case "description" -> p.description = String.valueOf(value);
            case "working_dir" -> p.workingDir = pc.dir().resolve(String.valueOf(value)).normalize().toString();
            case "environment" -> ProcessCompose.env(value, p.env, where, p.notes);
            case "namespace" -> p.group = String.valueOf(value);
            case "disabled" -> {
                if (Boolean.TRUE.equals(value)) {
                    p.type = "fake";
                    p.notes.add(new Draft.Note(where, "disabled: true", "the entry is type = \"fake\" (kept, never started): make it \"normal\" to run it"));
                }
            }
            case "availability" -> availability(where, p, value instanceof Map<?, ?> m ? m : Map.of());
            case "shutdown" -> shutdown(where, p, value instanceof Map<?, ?> m ? m : Map.of());
            case "readiness_probe" -> readiness(where, p, value instanceof Map<?, ?> m ? m : Map.of());
            case "liveness_probe" -> p.notes.add(new Draft.Note(where, "liveness_probe", "not carried over: this procrust checks health only "
                    + "at start (start_health_check); restart.policy restarts a process that exits"));
            case "ready_log_line" -> p.notes.add(new Draft.Note(where, "ready_log_line: " + value,
                    "not carried over: a start_health_check command that greps `procrust logs " + p.id + "` can replace it"));
            default -> p.notes.add(new Draft.Note(where, key + ": " + ProcessCompose.oneLine(String.valueOf(value)),
                    "not carried over: procrust has no such setting"));
        }
    }

    private static void availability(String where, Draft.Proc p, Map<?, ?> a) {
        Object restart = a.get("restart");
        String r = restart == null ? "no" : String.valueOf(restart);
        switch (r) {
            case "always" -> p.restartPolicy = "always";
            case "on_failure" -> p.restartPolicy = "on-failure";
            case "exit_on_failure" -> {
                p.restartPolicy = "never";
                p.notes.add(new Draft.Note(where, "availability.restart: exit_on_failure",
                        "not carried over: procrust never stops the other processes when one fails; this one is not restarted"));
            }
            case "no", "false" -> p.restartPolicy = "never";
            default -> p.notes.add(new Draft.Note(where, "availability.restart: " + r, "not carried over: not always, on_failure, exit_on_failure or no"));
        }
        Long backoff = number(a.get("backoff_seconds"));
        if (backoff != null && !"never".equals(p.restartPolicy)) {
            p.restartDelaySecs = backoff;
            p.restartMaxDelaySecs = Math.max(1, backoff); // process-compose waits the same each time
        }
        Long max = number(a.get("max_restarts"));
        if (max != null && max > 0 && !"never".equals(p.restartPolicy)) {
            p.maxAttempts = (int) Math.min(Integer.MAX_VALUE, max);
        }
        for (Object k : a.keySet()) {
            if (!Map.of("restart", 1, "backoff_seconds", 1, "max_restarts", 1).containsKey(String.valueOf(k))) {
                p.notes.add(new Draft.Note(where, "availability." + k, "not carried over: procrust has no such setting"));
            }
        }
    }

    private static void shutdown(String where, Draft.Proc p, Map<?, ?> s) {
        for (Map.Entry<?, ?> e : s.entrySet()) {
            String k = String.valueOf(e.getKey());
            Object v = e.getValue();
            switch (k) {
                case "timeout_seconds" -> {
                    Long t = number(v);
                    if (t != null) {
                        p.stopTimeoutSecs = Math.max(1, t);
                    }
                }
                case "signal" -> {
                    String sig = Imports.signalName(String.valueOf(v));
                    if (!sig.equals("TERM")) {
                        p.notes.add(new Draft.Note(where, "shutdown.signal: " + v,
                                "not carried over: procrust stops with SIGTERM, then SIGKILL after stop_timeout"));
                    }
                }
                case "parent_only" -> {
                    if (Boolean.TRUE.equals(v) || "yes".equals(String.valueOf(v))) {
                        p.notes.add(new Draft.Note(where, "shutdown.parent_only: " + v, "procrust always signals the whole process group"));
                    }
                }
                default -> p.notes.add(new Draft.Note(where, "shutdown." + k + ": " + ProcessCompose.oneLine(String.valueOf(v)),
                        "not carried over: procrust stops a process with a signal to its process group"));
            }
        }
    }

    private static void readiness(String where, Draft.Proc p, Map<?, ?> probe) {
        long delay = orElse(number(probe.get("initial_delay_seconds")), 0);
        long period = Math.max(1, orElse(number(probe.get("period_seconds")), 10));
        long failures = Math.max(1, orElse(number(probe.get("failure_threshold")), 3));
        if (probe.get("exec") instanceof Map<?, ?> exec && exec.get("command") != null) {
            String cmd = String.valueOf(exec.get("command")).strip();
            if (exec.get("working_dir") != null) {
                cmd = "cd " + ProcessCompose.singleQuoted(String.valueOf(exec.get("working_dir"))) + " && " + cmd;
            }
            p.startCheck = new Draft.Check(cmd, delay + period * failures + 1, period);
            if (delay > 0) {
                p.notes.add(new Draft.Note(where, "readiness_probe.initial_delay_seconds: " + delay,
                        "the check runs from the start; the delay is added to its timeout"));
            }
        } else if (probe.get("http_get") instanceof Map<?, ?> http) {
            String url = String.valueOf(http.get("scheme") == null ? "http" : http.get("scheme")).toLowerCase(java.util.Locale.ROOT)
                    + "://" + (http.get("host") == null ? "127.0.0.1" : http.get("host"))
                    + (http.get("port") == null ? "" : ":" + http.get("port"))
                    + (http.get("path") == null ? "/" : String.valueOf(http.get("path")));
            p.notes.add(new Draft.Note(where, "readiness_probe.http_get " + url,
                    "not carried over: this procrust's start_health_check runs a command, e.g. curl -fsS -o /dev/null " + url));
        } else {
            p.notes.add(new Draft.Note(where, "readiness_probe", "not carried over: neither exec.command nor http_get"));
        }
    }

    /** depends_on with its conditions: every condition is a procrust dependency; completion ones make the dependency a oneshot. */
    static void dependsOn(ProcessCompose pc, Draft.Proc p, Object value) {
        if (!(value instanceof Map<?, ?> deps)) {
            return;
        }
        String where = "processes." + p.id;
        for (Map.Entry<?, ?> e : deps.entrySet()) {
            String dep = String.valueOf(e.getKey());
            String id = pc.idOf(dep);
            if (id == null) {
                p.notes.add(new Draft.Note(where, "depends_on." + dep, "not carried over: no process of that name"));
                continue;
            }
            p.dependsOn.add(id);
            String condition = e.getValue() instanceof Map<?, ?> m && m.get("condition") != null
                    ? String.valueOf(m.get("condition")) : "process_started";
            Draft.Proc d = pc.draft().find(id);
            switch (condition) {
                case "process_healthy" -> {
                    if (d.startCheck == null) {
                        p.notes.add(new Draft.Note(where, "depends_on." + dep + ": process_healthy",
                                dep + " has no exec readiness probe here, so " + p.id + " waits only until it has started"));
                    }
                }
                case "process_started" -> {
                    if (d.startCheck != null) {
                        p.notes.add(new Draft.Note(where, "depends_on." + dep + ": process_started",
                                "procrust waits until " + dep + "'s start health check passes"));
                    }
                }
                case "process_completed_successfully", "process_completed" -> {
                    if (!"oneshot".equals(d.type) && !"fake".equals(d.type)) {
                        d.type = "oneshot";
                        d.notes.add(new Draft.Note("processes." + dep, "type = \"oneshot\"",
                                p.id + " waits for it to complete (" + condition + "): a oneshot runs once per version"));
                    }
                    if (condition.equals("process_completed")) {
                        p.notes.add(new Draft.Note(where, "depends_on." + dep + ": process_completed",
                                "procrust waits for a successful completion (exit 0)"));
                    }
                }
                default -> p.notes.add(new Draft.Note(where, "depends_on." + dep + ": " + condition,
                        "procrust waits until " + dep + " is running (or, for a oneshot, completed)"));
            }
        }
    }

    private static Long number(Object o) {
        if (o instanceof Number n) {
            return n.longValue();
        }
        if (o == null) {
            return null;
        }
        try {
            return Long.parseLong(String.valueOf(o).strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long orElse(Long v, long d) {
        return v == null ? d : v;
    }
}
