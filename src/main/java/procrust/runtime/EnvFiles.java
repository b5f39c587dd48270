package procrust.runtime;

import io.github.cdimascio.dotenv.Dotenv;
import io.github.cdimascio.dotenv.DotenvEntry;
import io.github.cdimascio.dotenv.DotenvException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code env_file}s (dotenv: {@code KEY=VALUE} lines, {@code #} comments, single or double
 * quotes) through dotenv-java, by procrust itself (so a secret file may be root's alone, as systemd's
 * EnvironmentFile). A later file overrides an earlier one. Values are secrets: no message of this
 * class contains one, only file names, line numbers and key names.
 */
public final class EnvFiles {

    private EnvFiles() {
    }

    /** The variables of {@code files}, in order; a missing, unreadable or malformed file fails, named. */
    public static Map<String, String> read(List<Path> files) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (Path f : files) {
            out.putAll(readOne(f));
        }
        return out;
    }

    private static Map<String, String> readOne(Path f) throws IOException {
        if (!Files.exists(f)) {
            throw new IOException("env_file " + f + " does not exist");
        }
        if (!Files.isRegularFile(f)) {
            throw new IOException("env_file " + f + " is not a regular file");
        }
        if (!Files.isReadable(f)) {
            throw new IOException("env_file " + f + " cannot be read by procrust");
        }
        Path abs = f.toAbsolutePath();
        Dotenv d;
        try {
            d = Dotenv.configure().directory(abs.getParent().toString()).filename(abs.getFileName().toString()).load();
        } catch (DotenvException e) {
            throw new IOException("env_file " + f + ": " + where(f, e.getMessage()) + " is not a KEY=VALUE line "
                    + "(a name of letters, digits, '_', '.' or '-', then '=', then the value; no `export`)");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (DotenvEntry e : d.entries(Dotenv.Filter.DECLARED_IN_ENV_FILE)) {
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    /** "line N" of the entry the library quotes in its message, without quoting it; "a line" if not found. */
    private static String where(Path f, String message) {
        String prefix = "Malformed entry ";
        if (message != null && message.startsWith(prefix)) {
            String entry = message.substring(prefix.length());
            try {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).equals(entry) || lines.get(i).trim().equals(entry.trim())) {
                        return "line " + (i + 1);
                    }
                }
            } catch (IOException e) {
                // fall through
            }
        }
        return "a line";
    }
}
