package procrust.migrate;

/** One key of a {@code [program:x]} section onto one procrust entry (docs/import.md has the table). */
final class SupervisordKeys {

    private SupervisordKeys() {
    }

    static void apply(Supervisord sv, SupervisordIni.Section s, Draft.Proc p, String key, String value) {
        String v = value.strip();
        String kv = key + " = " + v;
        switch (key) {
            case "command", "process_name", "numprocs", "numprocs_start", "priority" -> {
                // taken by Supervisord.program: the id, the order
            }
            case "directory" -> p.workingDir = v;
            case "environment" -> {
                try {
                    p.env.putAll(SupervisordValues.keyValuePairs(v));
                } catch (IllegalArgumentException e) {
                    sv.note(s, p, kv, "not carried over: " + e.getMessage());
                }
            }
            case "autostart" -> {
                if (Boolean.FALSE.equals(SupervisordValues.bool(v))) {
                    p.type = "fake";
                    sv.note(s, p, kv, "the entry is type = \"fake\" (kept, never started): make it \"normal\" to run it");
                }
            }
            case "autorestart" -> {
                switch (Supervisord.lower(v)) {
                    case "unexpected" -> p.restartPolicy = "on-failure";
                    default -> {
                        Boolean b = SupervisordValues.bool(v);
                        if (b == null) {
                            sv.note(s, p, kv, "not carried over: not true, false or unexpected");
                        } else {
                            p.restartPolicy = b ? "always" : "never";
                        }
                    }
                }
            }
            case "startretries" -> {
                int n = Supervisord.integer(s, key, 3);
                p.maxAttempts = Math.max(1, n + 1); // the first try and n retries
            }
            case "startsecs" -> {
                int n = Supervisord.integer(s, key, 1);
                if (n > 1) {
                    // RUNNING once it has stayed up n seconds: a start check that passes after n seconds
                    // (a start fails when the process exits before its check passes)
                    p.startCheck = new Draft.Check("sleep " + n, n + 30L, 1);
                }
            }
            case "exitcodes" -> {
                if (!v.replace(" ", "").equals("0")) {
                    sv.note(s, p, kv, "not carried over: procrust counts only exit status 0 as expected");
                }
            }
            case "stopsignal" -> {
                String sig = Imports.signalName(v);
                if (!sig.equals("TERM")) {
                    sv.note(s, p, kv, "not carried over: procrust stops with SIGTERM, then SIGKILL after stop_timeout");
                }
            }
            case "stopwaitsecs" -> p.stopTimeoutSecs = (long) Math.max(1, Supervisord.integer(s, key, 10));
            case "stopasgroup", "killasgroup" -> {
                if (Boolean.FALSE.equals(SupervisordValues.bool(v))) {
                    sv.note(s, p, kv, "procrust always signals the whole process group");
                }
            }
            case "user" -> sv.note(s, p, kv, "not carried over: the process runs as procrust's user");
            case "umask" -> sv.note(s, p, kv, "not carried over: the process keeps procrust's umask");
            case "redirect_stderr" -> {
                if (Boolean.FALSE.equals(SupervisordValues.bool(v))) {
                    sv.note(s, p, kv, "procrust writes stdout and stderr to one log (procrust logs " + p.id + ")");
                }
            }
            case "stdout_logfile", "stderr_logfile" -> {
                if (!Supervisord.lower(v).equals("auto") && !Supervisord.lower(v).equals("none")) {
                    sv.note(s, p, kv, "not carried over: the output goes to procrust's log folder (procrust logs "
                            + p.id + ")");
                }
            }
            case "stdout_logfile_maxbytes", "stderr_logfile_maxbytes" -> {
                String size = SupervisordValues.size(v);
                if (key.startsWith("stdout") && size != null) {
                    p.logMaxSize = size;
                } else if (size == null) {
                    sv.note(s, p, kv, "not carried over: procrust always rotates its logs (default 10MiB)");
                } else if (p.logMaxSize == null) {
                    p.logMaxSize = size;
                }
            }
            case "stdout_logfile_backups", "stderr_logfile_backups" -> {
                int n = Supervisord.integer(s, key, 10);
                if (key.startsWith("stdout") || p.logKeep == null) {
                    p.logKeep = Math.max(0, n);
                }
            }
            default -> sv.note(s, p, kv, key.startsWith("stdout_") || key.startsWith("stderr_")
                    ? "not carried over: procrust has no output events, capture mode or syslog for a process"
                    : "not carried over: procrust has no such setting");
        }
    }
}
