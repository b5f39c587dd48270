package procrust.migrate;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Procfile ({@code name: command} per line, as foreman and honcho read it) to a {@link Draft}.
 * Each process runs in the Procfile's folder, as foreman runs it. foreman gives each process a
 * {@code PORT} (5000, 5100, ...): a command that uses {@code $PORT} gets that value in its env.
 */
final class Procfile {

    private static final Pattern LINE = Pattern.compile("^([A-Za-z0-9_-]+):\\s*(.+)$");
    private static final Pattern USES_PORT = Pattern.compile("\\$\\{?PORT\\b");

    private Procfile() {
    }

    static Draft read(Path file) throws ImportFailure {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new ImportFailure("cannot read " + file + ": it is not UTF-8 text");
        } catch (IOException e) {
            throw new ImportFailure("cannot read " + file + ": " + Imports.reason(e));
        }
        Draft d = new Draft("procfile " + file);
        Path dir = file.toAbsolutePath().normalize().getParent();
        Set<String> taken = new HashSet<>();
        int index = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                d.fileNotes.add(new Draft.Note("line " + (i + 1), "\"" + shorten(line) + "\"",
                        "not carried over: not a `name: command` line"));
                continue;
            }
            String name = m.group(1);
            String id = Imports.id(name, taken);
            Draft.Proc p = d.add(id, m.group(2).strip());
            p.workingDir = dir.toString();
            if (!id.equals(name)) {
                p.notes.add(new Draft.Note("line " + (i + 1), "name \"" + name + "\"", "is not a valid procrust id; the id is \"" + id + "\""));
            }
            if (name.equals("release")) {
                // Heroku runs the release process once per deploy, not as a service
                p.type = "oneshot";
                p.notes.add(new Draft.Note("line " + (i + 1), "release", "runs once per version (type = \"oneshot\"), as a "
                        + "release phase runs once per deploy"));
            }
            if (USES_PORT.matcher(p.command).find()) {
                p.env.put("PORT", Integer.toString(5000 + 100 * index));
            }
            index++;
        }
        if (Files.exists(dir.resolve(".env"))) {
            d.fileNotes.add(new Draft.Note(".env", dir.resolve(".env").toString(),
                    "not read: foreman loads it into every process; add its variables to env"));
        }
        return d;
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
