package procrust.migrate;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Set;
import java.util.regex.Pattern;
import procrust.config.raw.IdPattern;

/** Helpers shared by the importers. */
final class Imports {

    private static final Pattern ID = Pattern.compile(IdPattern.REGEX);

    private Imports() {
    }

    /** Why a file could not be read, in words. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    /**
     * A valid procrust id for {@code name}: the name itself when valid, else each character outside
     * the id alphabet as {@code _}, cut to 64 characters, prefixed with {@code p} when it does not
     * start with a letter or digit, made unique against {@code taken}.
     */
    static String id(String name, Set<String> taken) {
        String id = name;
        if (!ID.matcher(id).matches()) {
            id = name.replaceAll("[^A-Za-z0-9 _.-]", "_");
            if (id.isEmpty() || !Character.isLetterOrDigit(id.charAt(0)) || id.charAt(0) > 127) {
                id = "p" + id;
            }
            if (id.length() > 64) {
                id = id.substring(0, 64);
            }
        }
        String unique = id;
        for (int n = 2; taken.contains(unique); n++) {
            String suffix = "-" + n;
            unique = (id.length() + suffix.length() > 64 ? id.substring(0, 64 - suffix.length()) : id) + suffix;
        }
        taken.add(unique);
        return unique;
    }

    /** The signal name without a SIG prefix, upper case, for a name or a number. */
    static String signalName(String s) {
        String t = s.strip().toUpperCase(java.util.Locale.ROOT);
        if (t.startsWith("SIG")) {
            t = t.substring(3);
        }
        return switch (t) {
            case "1" -> "HUP";
            case "2" -> "INT";
            case "3" -> "QUIT";
            case "9" -> "KILL";
            case "10" -> "USR1";
            case "12" -> "USR2";
            case "15" -> "TERM";
            default -> t;
        };
    }

    /**
     * Whether a command that ran without a shell (supervisord splits and execs it) means something else
     * to {@code /bin/sh -c}: a shell character outside single quotes.
     */
    static boolean hasShellSyntax(String command) {
        boolean single = false;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (c == '\'') {
                single = !single;
            } else if (!single && "$`*?;|&<>(){}~[]!#".indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }
}
