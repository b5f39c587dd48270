package procrust.migrate;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ini4j.Config;
import org.ini4j.Ini;
import org.ini4j.InvalidFileFormatException;
import org.ini4j.Profile;

/**
 * Reads supervisord's INI files as supervisord (Python's configparser) does. ini4j parses sections,
 * keys, values and whole-line comments, keeping each value as written (no quote or backslash
 * processing); before it, two configparser rules that ini4j lacks are applied to the text, line by
 * line, keeping the line numbers: an in-line comment starts at a {@code ;} or {@code #} that follows
 * whitespace (supervisord's {@code inline_comment_prefixes}), and an indented line after a key continues
 * that key's value (joined with a space: supervisord splits every multi-line value it reads on
 * whitespace). A section given twice is merged, a key given twice keeps its last value (configparser's
 * {@code strict=False}); key names are lower-cased, section names are not.
 */
final class SupervisordIni {

    /** One section: its name, the folder of the file it came from ({@code %(here)s}) and its keys in order. */
    record Section(String name, Path here, Map<String, String> values) {
    }

    private SupervisordIni() {
    }

    /** The sections of {@code file} in file order (duplicates merged). */
    static List<Section> read(Path file) throws ImportFailure {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new ImportFailure("cannot read " + file + ": it is not UTF-8 text");
        } catch (IOException e) {
            throw new ImportFailure("cannot read " + file + ": " + Imports.reason(e));
        }
        Config cfg = new Config();
        cfg.setEscape(false);          // a backslash is a character, as in configparser
        cfg.setTree(false);            // a dot in a name is a character
        cfg.setMultiSection(true);
        cfg.setMultiOption(true);
        cfg.setLowerCaseOption(true);  // configparser's optionxform
        cfg.setEmptyOption(true);
        cfg.setGlobalSection(false);
        Ini ini = new Ini();
        ini.setConfig(cfg);
        try {
            ini.load(new StringReader(configparserLines(text)));
        } catch (InvalidFileFormatException e) {
            throw new ImportFailure(file + ": not a supervisord (INI) file: " + e.getMessage()
                    + "; every line must be a [section], a key = value, a comment or blank");
        } catch (IOException e) {
            throw new ImportFailure("cannot read " + file + ": " + Imports.reason(e));
        }
        Path here = file.toAbsolutePath().normalize().getParent();
        Map<String, Section> byName = new LinkedHashMap<>();
        for (Profile.Section s : ini.values()) {
            Section merged = byName.computeIfAbsent(s.getName(), n -> new Section(n, here, new LinkedHashMap<>()));
            for (String key : s.keySet()) {
                List<String> all = s.getAll(key);
                String last = all.isEmpty() ? null : all.get(all.size() - 1);
                merged.values().remove(key); // keeps the order of the last occurrence
                merged.values().put(key, last == null ? "" : last);
            }
        }
        return new ArrayList<>(byName.values());
    }

    /**
     * The text with configparser's in-line comments cut and its continuation lines joined to the key
     * line they continue (each continuation line left blank, so ini4j's line numbers stay right).
     */
    static String configparserLines(String text) {
        String[] lines = text.split("\r?\n", -1);
        int keyLine = -1; // the line of the key a continuation would join, -1 when none
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String stripped = line.strip();
            if (stripped.isEmpty()) {
                keyLine = -1;
                continue;
            }
            if (stripped.startsWith(";") || stripped.startsWith("#")) {
                lines[i] = "";
                continue;
            }
            line = cutInlineComment(line);
            boolean indented = Character.isWhitespace(line.charAt(0));
            if (indented && keyLine >= 0) {
                String more = line.strip();
                if (!more.isEmpty()) {
                    lines[keyLine] = lines[keyLine] + (lines[keyLine].strip().endsWith("=") ? "" : " ") + more;
                }
                lines[i] = "";
                continue;
            }
            lines[i] = line;
            keyLine = line.strip().startsWith("[") ? -1 : i;
        }
        return String.join("\n", lines);
    }

    private static String cutInlineComment(String line) {
        for (int i = 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if ((c == ';' || c == '#') && Character.isWhitespace(line.charAt(i - 1))) {
                return line.substring(0, i).stripTrailing();
            }
        }
        return line;
    }
}
