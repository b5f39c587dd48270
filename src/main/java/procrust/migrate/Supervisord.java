package procrust.migrate;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * supervisord's files ({@code supervisord.conf} and its {@code [include]}d files) to a {@link Draft}.
 * Each {@code [program:x]} becomes one entry per process ({@code numprocs}), in the order supervisord
 * starts them ({@code priority}, then file order); see docs/import.md for every key.
 */
final class Supervisord {

    /** Sections that configure supervisord itself: none of them has a procrust equivalent. */
    private static final Map<String, String> OWN = Map.of(
            "unix_http_server", "supervisord's control socket: procrust has no listener; use procrust status, stop, start",
            "inet_http_server", "supervisord's HTTP control server: procrust has no listener; use procrust status, stop, start",
            "supervisorctl", "supervisorctl's settings: use procrust status, stop, start, logs",
            "rpcinterface", "supervisord's RPC interface: procrust has none");

    private final Draft draft;
    private final Map<String, String> env;
    private final Set<String> taken = new HashSet<>();
    private final Map<String, String> childEnv = new LinkedHashMap<>();
    private final Map<String, String> groupOf = new HashMap<>();
    private String hostName = "localhost";

    private Supervisord(Draft draft, Map<String, String> env) {
        this.draft = draft;
        this.env = env;
    }

    static Draft read(Path file, Map<String, String> env) throws ImportFailure {
        Draft d = new Draft("supervisord " + file);
        Supervisord s = new Supervisord(d, env);
        try {
            s.hostName = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            // keep "localhost"
        }
        s.map(file);
        return d;
    }

    private void map(Path file) throws ImportFailure {
        List<SupervisordIni.Section> sections = new ArrayList<>(SupervisordIni.read(file));
        List<SupervisordIni.Section> all = new ArrayList<>();
        for (SupervisordIni.Section s : sections) {
            all.add(s);
            if (s.name().equals("include")) {
                all.addAll(included(s));
            }
        }
        for (SupervisordIni.Section s : all) {
            if (s.name().equals("supervisord")) {
                supervisordSection(s);
            } else if (s.name().startsWith("group:")) {
                String group = s.name().substring("group:".length());
                for (String p : get(s, "programs", Map.of()).split(",")) {
                    if (!p.isBlank()) {
                        groupOf.put(p.strip(), group);
                    }
                }
                for (String k : s.values().keySet()) {
                    if (!k.equals("programs")) {
                        fileNote(s, k, "not carried over: a procrust group is a name for stop/start/status --group; "
                                + "the start order follows each program's priority");
                    }
                }
            }
        }
        record Found(int priority, int order, SupervisordIni.Section section) {
        }
        List<Found> programs = new ArrayList<>();
        for (SupervisordIni.Section s : all) {
            String n = s.name();
            if (n.startsWith("program:")) {
                int prio = integer(s, "priority", 999);
                programs.add(new Found(prio, programs.size(), s));
            } else if (n.equals("supervisord") || n.startsWith("group:") || n.equals("include")) {
                continue;
            } else if (OWN.containsKey(n.split(":", 2)[0])) {
                draft.fileNotes.add(new Draft.Note("[" + n + "]", "[" + n + "]", "not carried over: " + OWN.get(n.split(":", 2)[0])));
            } else if (n.startsWith("eventlistener:") || n.startsWith("fcgi-program:")) {
                draft.fileNotes.add(new Draft.Note("[" + n + "]", "[" + n + "]", "not carried over: procrust has no "
                        + (n.startsWith("eventlistener:") ? "event listeners (its hooks are the nearest thing)" : "FastCGI sockets")));
            } else {
                draft.fileNotes.add(new Draft.Note("[" + n + "]", "[" + n + "]", "not carried over: a section supervisord does not know"));
            }
        }
        programs.sort(Comparator.comparingInt(Found::priority).thenComparingInt(Found::order));
        for (Found f : programs) {
            program(f.section());
        }
    }

    /** The sections of the files an [include] names (supervisord: globs, relative to the including file). */
    private List<SupervisordIni.Section> included(SupervisordIni.Section include) throws ImportFailure {
        List<SupervisordIni.Section> out = new ArrayList<>();
        String files = expand(include, "files", get(include, "files", Map.of()), Map.of());
        for (String pattern : files.strip().split("\\s+")) {
            if (pattern.isEmpty()) {
                continue;
            }
            Path p = include.here().resolve(pattern);
            Path dir = p.getParent();
            String glob = p.getFileName().toString();
            List<Path> matches = new ArrayList<>();
            if (dir != null && Files.isDirectory(dir)) {
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, glob)) {
                    ds.forEach(matches::add);
                } catch (IOException | IllegalArgumentException e) {
                    throw new ImportFailure("cannot read the files of [include] " + pattern + ": " + e.getMessage());
                }
            }
            matches.sort(Comparator.naturalOrder());
            for (Path m : matches) {
                for (SupervisordIni.Section s : SupervisordIni.read(m)) {
                    if (s.name().equals("include")) {
                        draft.fileNotes.add(new Draft.Note("[include] in " + m, "[include] in " + m,
                                "not followed: supervisord does not read an [include] of an included file"));
                    } else {
                        out.add(s);
                    }
                }
            }
        }
        return out;
    }

    private void supervisordSection(SupervisordIni.Section s) {
        for (Map.Entry<String, String> e : s.values().entrySet()) {
            String k = e.getKey();
            if (k.equals("environment")) {
                String v = expand(s, k, e.getValue(), Map.of());
                try {
                    childEnv.putAll(SupervisordValues.keyValuePairs(v));
                } catch (IllegalArgumentException ex) {
                    fileNote(s, k, "not carried over: " + ex.getMessage());
                }
            } else if (k.equals("umask") || k.equals("minfds") || k.equals("minprocs") || k.equals("user")) {
                fileNote(s, k + " = " + e.getValue(), "not carried over to every process: "
                        + (k.equals("user") ? "procrust runs as the user that starts it (root under systemd)"
                        : k.equals("umask") ? "services keep the umask of procrust (0022 under systemd)"
                        : "set LimitNOFILE=/LimitNPROC= in procrust's systemd unit"));
            }
            // the rest (logfile, pidfile, nodaemon, childlogdir ...) configures supervisord itself: no note
        }
    }

    private void program(SupervisordIni.Section s) {
        String name = s.name().substring("program:".length());
        Map<String, String> values = new LinkedHashMap<>(s.values());
        String where = "[" + s.name() + "]";
        int numprocs = Math.max(1, integer(s, "numprocs", 1));
        int start = integer(s, "numprocs_start", 0);
        String group = groupOf.get(name);
        for (int n = start; n < start + numprocs; n++) {
            Map<String, String> names = new HashMap<>();
            names.put("program_name", name);
            names.put("group_name", group == null ? name : group);
            names.put("process_num", Integer.toString(n));
            names.put("numprocs", Integer.toString(numprocs));
            names.put("host_node_name", hostName);
            String processName = expand(s, "process_name", values.getOrDefault("process_name", "%(program_name)s"), names);
            String command = values.get("command");
            if (command == null || command.isBlank()) {
                draft.fileNotes.add(new Draft.Note(where, where, "not carried over: it has no command"));
                return;
            }
            command = expand(s, "command", command, names);
            String id = Imports.id(processName, taken);
            Draft.Proc p = draft.add(id, command.startsWith("exec ") ? command : "exec " + command);
            if (!id.equals(processName)) {
                p.notes.add(new Draft.Note(where, "process name \"" + processName + "\"",
                        "is not a valid procrust id; the id is \"" + id + "\""));
            }
            if (Imports.hasShellSyntax(command)) {
                p.notes.add(new Draft.Note(where, "command", "supervisord runs it without a shell, procrust with "
                        + "/bin/sh -c: its $ * ; | & < > ( ) characters are now shell syntax; check them"));
            }
            p.group = group;
            p.restartPolicy = "on-failure"; // autorestart=unexpected, supervisord's default
            p.env.putAll(childEnv);
            for (Map.Entry<String, String> e : values.entrySet()) {
                SupervisordKeys.apply(this, s, p, e.getKey(), expand(s, e.getKey(), e.getValue(), names));
            }
        }
    }

    void note(SupervisordIni.Section s, Draft.Proc p, String setting, String why) {
        p.notes.add(new Draft.Note("[" + s.name() + "]", setting, why));
    }

    private void fileNote(SupervisordIni.Section s, String setting, String why) {
        draft.fileNotes.add(new Draft.Note("[" + s.name() + "]", setting, why));
    }

    private static String get(SupervisordIni.Section s, String key, Map<String, String> names) {
        return s.values().getOrDefault(key, "");
    }

    static int integer(SupervisordIni.Section s, String key, int dflt) {
        String v = s.values().get(key);
        if (v == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    /** supervisord's expansion of one value: ENV_X, here, and the program's names. */
    private String expand(SupervisordIni.Section s, String key, String value, Map<String, String> programNames) {
        Map<String, String> names = new HashMap<>();
        env.forEach((k, v) -> names.put("ENV_" + k, v));
        names.put("here", s.here().toString());
        names.putAll(programNames);
        PercentExpansion.Result r = PercentExpansion.expand(value, names);
        if (r.unknown() != null) {
            String why = "%(" + r.unknown() + ")s is not known here"
                    + (r.unknown().startsWith("ENV_") ? " (no such variable in the environment of procrust import)" : "")
                    + " and stays as written: replace it";
            draft.fileNotes.add(new Draft.Note("[" + s.name() + "]", key, why));
        }
        return r.text();
    }

    static String lower(String v) {
        return v.strip().toLowerCase(Locale.ROOT);
    }
}
