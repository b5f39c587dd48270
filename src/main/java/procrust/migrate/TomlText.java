package procrust.migrate;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Writes a {@link Draft} as a procrust file. tomlj reads TOML but cannot write it, so the writing is
 * here, kept to the few forms the file needs: basic strings (every character TOML requires escaped is
 * escaped), multi-line literal strings for multi-line commands when they can be written literally,
 * integers, arrays of strings and inline tables of strings. ImportRoundTripTest reads every output
 * back with the loader.
 */
public final class TomlText {

    private static final Pattern BARE_KEY = Pattern.compile("[A-Za-z0-9_-]+");
    private static final DateTimeFormatter APPLY_ON = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private TomlText() {
    }

    /** The procrust file for {@code draft}, with this uid, every apply_on = {@code now} and this schema path. */
    public static String write(Draft draft, UUID uid, LocalDateTime now, String schema) {
        StringBuilder b = new StringBuilder();
        String applyOn = APPLY_ON.format(now);
        b.append("#:schema ").append(schema).append('\n');
        b.append("# Written by `procrust import ").append(draft.source).append("` at ").append(applyOn).append(".\n");
        b.append("# Each `# procrust import:` line is a setting that did not carry over as it was: read them,\n");
        b.append("# then `procrust check`, `procrust plan`. Every apply_on is the time of the import.\n");
        for (Draft.Note n : draft.fileNotes) {
            b.append("# procrust import: ").append(n.comment(true)).append('\n');
        }
        b.append("uid = ").append(string(uid.toString())).append('\n');
        b.append("file_format = \"0\"\n");
        for (Draft.Proc p : draft.processes) {
            b.append('\n');
            if (p.description != null && !p.description.isBlank()) {
                b.append("# ").append(p.description.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ")).append('\n');
            }
            b.append("[[process]]\n");
            for (Draft.Note n : p.notes) {
                b.append("# procrust import: ").append(n.comment(false)).append('\n');
            }
            b.append("id = ").append(string(p.id)).append('\n');
            b.append("command = ").append(command(p.command)).append('\n');
            b.append("apply_on = ").append(string(applyOn)).append('\n');
            if (p.type != null) {
                b.append("type = ").append(string(p.type)).append('\n');
            }
            if (!p.dependsOn.isEmpty()) {
                b.append("depends_on = ").append(array(p.dependsOn)).append('\n');
            }
            if (p.group != null) {
                b.append("group = ").append(string(p.group)).append('\n');
            }
            if (p.workingDir != null) {
                b.append("working_dir = ").append(string(p.workingDir)).append('\n');
            }
            if (!p.env.isEmpty()) {
                b.append("env = ").append(inlineTable(p.env)).append('\n');
            }
            if (p.stopTimeoutSecs != null) {
                b.append("stop_timeout = ").append(seconds(p.stopTimeoutSecs)).append('\n');
            }
            if (p.logMaxSize != null) {
                b.append("log_max_size = ").append(string(p.logMaxSize)).append('\n');
            }
            if (p.logKeep != null) {
                b.append("log_keep = ").append(p.logKeep).append('\n');
            }
            if (p.startCheck != null) {
                b.append("\n[process.start_health_check]\n");
                b.append("command = ").append(command(p.startCheck.command())).append('\n');
                b.append("timeout = ").append(seconds(p.startCheck.timeoutSecs())).append('\n');
                b.append("interval = ").append(seconds(p.startCheck.intervalSecs())).append('\n');
            }
            if (p.restartPolicy != null || p.maxAttempts != null || p.restartDelaySecs != null) {
                b.append("\n[process.restart]\n");
                if (p.restartPolicy != null) {
                    b.append("policy = ").append(string(p.restartPolicy)).append('\n');
                }
                if (p.maxAttempts != null) {
                    b.append("max_attempts = ").append(p.maxAttempts).append('\n');
                }
                if (p.restartDelaySecs != null) {
                    b.append("delay = ").append(seconds(p.restartDelaySecs)).append('\n');
                }
                if (p.restartMaxDelaySecs != null) {
                    b.append("max_delay = ").append(seconds(p.restartMaxDelaySecs)).append('\n');
                }
            }
        }
        return b.toString();
    }

    static String seconds(long s) {
        return string(s + "s");
    }

    /** A command: a multi-line literal string when it has several lines and can be written literally. */
    static String command(String s) {
        if (s.contains("\n") && literalSafe(s)) {
            return "'''\n" + s + "'''";
        }
        return string(s);
    }

    /** No control character but tab and newline, no run of three quotes, no quote just before the closing ''' */
    private static boolean literalSafe(String s) {
        if (s.contains("'''") || s.endsWith("'")) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** A TOML basic string: {@code "} and {@code \} escaped, control characters as escapes. */
    public static String string(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\b' -> b.append("\\b");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\f' -> b.append("\\f");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\u%04X", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    static String key(String k) {
        return BARE_KEY.matcher(k).matches() ? k : string(k);
    }

    static String array(List<String> items) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(string(items.get(i)));
        }
        return b.append(']').toString();
    }

    static String inlineTable(Map<String, String> m) {
        StringBuilder b = new StringBuilder("{ ");
        int i = 0;
        for (Map.Entry<String, String> e : m.entrySet()) {
            b.append(i++ == 0 ? "" : ", ").append(key(e.getKey())).append(" = ").append(string(e.getValue()));
        }
        return b.append(" }").toString();
    }
}
