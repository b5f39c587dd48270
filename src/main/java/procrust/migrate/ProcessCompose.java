package procrust.migrate;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A process-compose file to a {@link Draft}: each entry of {@code processes} becomes one procrust
 * entry (in file order), its {@code depends_on} conditions, probes, availability and shutdown mapped
 * as docs/import.md says. process-compose runs commands with {@code bash -c}; procrust with
 * {@code /bin/sh -c}: a command with bash-only syntax is wrapped in {@code bash -c}.
 */
final class ProcessCompose {

    /** Syntax that bash reads and a POSIX sh (dash, Debian's /bin/sh) does not. */
    private static final Pattern BASHISM = Pattern.compile(
            "\\$RANDOM|\\$\\{?(BASH|PIPESTATUS|SECONDS|FUNCNAME)|\\[\\[|(^|[^$])\\(\\(|<\\(|>\\(|&>|\\|&|\\$'|\\bfunction\\s|\\bsource\\s"
                    + "|\\bdeclare\\s|\\bshopt\\b|pipefail|\\{[0-9a-z]+\\.\\.[0-9a-z]+\\}");
    private static final Set<String> TOP_KNOWN = Set.of("version", "processes", "environment");

    private final Draft draft;
    private final Path dir;
    private final Set<String> taken = new HashSet<>();
    private final Map<String, String> idOf = new HashMap<>();
    private final Map<String, String> globalEnv = new LinkedHashMap<>();

    private ProcessCompose(Draft draft, Path dir) {
        this.draft = draft;
        this.dir = dir;
    }

    static Draft read(Path file) throws ImportFailure {
        Object doc;
        LoaderOptions opts = new LoaderOptions();
        opts.setAllowDuplicateKeys(false);
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            doc = new Yaml(new SafeConstructor(opts)).load(r);
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String at = m == null ? "" : ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1);
            throw new ImportFailure(file + at + ": not a YAML file: " + oneLine(e.getProblem() == null ? e.getMessage() : e.getProblem()));
        } catch (YAMLException e) {
            throw new ImportFailure(file + ": not a YAML file: " + oneLine(e.getMessage()));
        } catch (IOException e) {
            throw new ImportFailure("cannot read " + file + ": " + Imports.reason(e));
        }
        if (!(doc instanceof Map<?, ?> top) || !(top.get("processes") instanceof Map<?, ?> processes)) {
            throw new ImportFailure(file + ": not a process-compose file: it has no `processes:` mapping");
        }
        Draft d = new Draft("process-compose " + file);
        ProcessCompose pc = new ProcessCompose(d, file.toAbsolutePath().normalize().getParent());
        pc.map(top, processes);
        return d;
    }

    private void map(Map<?, ?> top, Map<?, ?> processes) {
        for (Map.Entry<?, ?> e : top.entrySet()) {
            String k = String.valueOf(e.getKey());
            if (!TOP_KNOWN.contains(k)) {
                draft.fileNotes.add(new Draft.Note("top level", k, "not carried over: procrust has no such setting"
                        + (k.startsWith("log") ? " (each process's output goes to its own log: procrust logs ID)" : "")));
            }
        }
        env(top.get("environment"), globalEnv, "environment", draft.fileNotes);
        for (Object name : processes.keySet()) {
            idOf.put(String.valueOf(name), Imports.id(String.valueOf(name), taken));
        }
        Map<String, Map<?, ?>> deferred = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : processes.entrySet()) {
            String name = String.valueOf(e.getKey());
            Map<?, ?> spec = e.getValue() instanceof Map<?, ?> m ? m : Map.of();
            process(name, spec);
            deferred.put(name, spec);
        }
        // depends_on last: a condition may change the dependency's entry (oneshot)
        for (Map.Entry<String, Map<?, ?>> e : deferred.entrySet()) {
            ProcessComposeKeys.dependsOn(this, draft.find(idOf.get(e.getKey())), e.getValue().get("depends_on"));
        }
    }

    private void process(String name, Map<?, ?> spec) {
        String id = idOf.get(name);
        Object cmd = spec.get("command");
        if (cmd == null) {
            cmd = spec.get("entrypoint") instanceof List<?> l ? String.join(" ", l.stream().map(String::valueOf).toList()) : null;
        }
        String command = cmd == null ? "" : String.valueOf(cmd).stripTrailing();
        Draft.Proc p = draft.add(id, command.isBlank() ? "true" : command);
        if (command.isBlank()) {
            p.type = "fake";
            p.notes.add(new Draft.Note("processes." + name, "command", "missing: the entry is type = \"fake\" until it has one"));
        } else if (BASHISM.matcher(command).find()) {
            p.command = "exec bash -c " + singleQuoted(command);
            p.notes.add(new Draft.Note("processes." + name, "command", "uses bash syntax: procrust runs /bin/sh -c, so it is wrapped in bash -c as process-compose ran it"));
        }
        if (!id.equals(name)) {
            p.notes.add(new Draft.Note("processes." + name, "name \"" + name + "\"", "is not a valid procrust id; the id is \"" + id + "\""));
        }
        p.workingDir = dir.toString();
        p.restartPolicy = "never"; // availability.restart: no, process-compose's default
        p.env.putAll(globalEnv);
        for (Map.Entry<?, ?> e : spec.entrySet()) {
            ProcessComposeKeys.apply(this, name, p, String.valueOf(e.getKey()), e.getValue());
        }
    }

    Path dir() {
        return dir;
    }

    Draft draft() {
        return draft;
    }

    String idOf(String name) {
        return idOf.get(name);
    }

    /** process-compose's {@code environment}: a list of {@code KEY=VALUE} (or a mapping). */
    static void env(Object value, Map<String, String> into, String where, List<Draft.Note> notes) {
        if (value instanceof List<?> list) {
            for (Object o : list) {
                String s = String.valueOf(o);
                int eq = s.indexOf('=');
                if (eq <= 0) {
                    notes.add(new Draft.Note(where, "environment \"" + s + "\"", "not carried over: not KEY=VALUE"));
                } else {
                    into.put(s.substring(0, eq), s.substring(eq + 1));
                }
            }
        } else if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> into.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        }
    }

    static String singleQuoted(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\n\\s*", " ").strip();
    }

    static List<String> strings(Object o) {
        List<String> out = new ArrayList<>();
        if (o instanceof List<?> l) {
            l.forEach(x -> out.add(String.valueOf(x)));
        }
        return out;
    }
}
