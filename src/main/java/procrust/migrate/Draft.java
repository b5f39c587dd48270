package procrust.migrate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an importer found, in procrust's terms, before it is written out: the processes in start
 * order and the notes on what did not carry over. Mutable while an importer fills it.
 */
public final class Draft {

    /**
     * A setting that does not carry over (or carries over with a difference worth knowing).
     * {@code where} names its place in the input ("[program:web]", "processes.web"), {@code setting}
     * the setting as written there, {@code why} what procrust does instead.
     */
    public record Note(String where, String setting, String why) {

        /** The text of the {@code # procrust import:} comment; with its place for the notes at the top of the file. */
        public String comment(boolean withWhere) {
            return oneLine((withWhere ? placed() : setting) + ": " + why);
        }

        /** The warning printed on stderr. */
        public String warning(String file) {
            return oneLine(file + ": " + placed() + ": " + why);
        }

        private String placed() {
            return setting.isEmpty() || setting.equals(where) ? where : where + " " + setting;
        }

        private static String oneLine(String s) {
            return s.replaceAll("[\\r\\n\\t]+", " ");
        }
    }

    /** The start health check of a process: a command run until it succeeds, within a timeout. */
    public record Check(String command, long timeoutSecs, long intervalSecs) {
    }

    /** One {@code [[process]]} entry. */
    public static final class Proc {
        String id;
        String command;
        String type; // null = normal
        String workingDir;
        final Map<String, String> env = new LinkedHashMap<>();
        final List<String> dependsOn = new ArrayList<>();
        String group;
        Long stopTimeoutSecs;
        String restartPolicy;
        Integer maxAttempts;
        Long restartDelaySecs;
        Long restartMaxDelaySecs;
        Check startCheck;
        String logMaxSize;
        Integer logKeep;
        String description;
        final List<Note> notes = new ArrayList<>();

        Proc(String id, String command) {
            this.id = id;
            this.command = command;
        }

        public String id() {
            return id;
        }

        public String command() {
            return command;
        }

        public List<Note> notes() {
            return notes;
        }
    }

    final String source; // e.g. "supervisord /etc/supervisor/supervisord.conf"
    final List<Note> fileNotes = new ArrayList<>();
    final List<Proc> processes = new ArrayList<>();

    Draft(String source) {
        this.source = source;
    }

    Proc add(String id, String command) {
        Proc p = new Proc(id, command);
        processes.add(p);
        return p;
    }

    Proc find(String id) {
        for (Proc p : processes) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        return null;
    }

    public List<Proc> processes() {
        return processes;
    }

    /** Every note, those of the file first, then each process's in order. */
    public List<Note> notes() {
        List<Note> all = new ArrayList<>(fileNotes);
        for (Proc p : processes) {
            all.addAll(p.notes);
        }
        return all;
    }
}
