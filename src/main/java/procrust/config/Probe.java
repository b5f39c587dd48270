package procrust.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What a health check asks: exactly one of a shell {@code command} (exit 0 = healthy), an {@code http}
 * GET (status 200-399 = healthy), a {@code tcp} connect to {@code host:port}, or a {@code log_line}
 * (a Java regex found in a line the process writes to its log after this start; start checks only).
 * {@code target} is the value as written; {@link #check} says whether it is usable.
 */
public record Probe(Kind kind, String target) {

    public enum Kind {
        COMMAND, HTTP, TCP, LOG_LINE;

        /** The key in the file: command, http, tcp, log_line. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Probe {
        java.util.Objects.requireNonNull(kind, "kind");
        java.util.Objects.requireNonNull(target, "target");
    }

    public static Probe command(String command) {
        return new Probe(Kind.COMMAND, command);
    }

    /** What is wrong with {@code target} for {@code kind}, completing "`key` ...", or null when usable. */
    public static String check(Kind kind, String target) {
        if (target.isBlank()) {
            return "must not be blank";
        }
        switch (kind) {
            case HTTP:
                return checkUrl(target);
            case TCP:
                return checkHostPort(target);
            case LOG_LINE:
                try {
                    Pattern.compile(target);
                    return null;
                } catch (PatternSyntaxException e) {
                    return "is not a valid Java regular expression: " + e.getDescription()
                            + (e.getIndex() >= 0 ? " near index " + e.getIndex() : "");
                }
            default:
                return null;
        }
    }

    private static String checkUrl(String s) {
        URI u;
        try {
            u = new URI(s.strip());
        } catch (URISyntaxException e) {
            return "is not a valid URL: " + e.getReason() + (e.getIndex() >= 0 ? " at index " + e.getIndex() : "")
                    + "; write it like \"http://127.0.0.1:8080/health\"";
        }
        String scheme = u.getScheme() == null ? null : u.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            return "must be an http:// or https:// URL" + (scheme == null ? "" : " (not " + scheme + ":)")
                    + ", like \"http://127.0.0.1:8080/health\"";
        }
        if (u.getHost() == null || u.getHost().isEmpty()) {
            return "names no host: write it like \"http://127.0.0.1:8080/health\"";
        }
        if (u.getPort() == 0 || u.getPort() > 65535) {
            return "has port " + u.getPort() + ": a port is 1-65535";
        }
        return null;
    }

    private static String checkHostPort(String s) {
        int colon = s.lastIndexOf(':');
        if (colon <= 0 || colon == s.length() - 1) {
            return "must be host:port, like \"127.0.0.1:6379\" (or \"[::1]:6379\")";
        }
        String host = host(s);
        if (host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
            return "names no usable host before the `:`: write it like \"127.0.0.1:6379\"";
        }
        if (s.startsWith("[") != s.substring(0, colon).endsWith("]")) {
            return "has unbalanced brackets: an IPv6 address is written \"[::1]:6379\"";
        }
        String port = s.substring(colon + 1);
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            return "has port \"" + port + "\", which is not a number: write it like \"127.0.0.1:6379\"";
        }
        if (p < 1 || p > 65535) {
            return "has port " + p + ": a port is 1-65535";
        }
        return null;
    }

    /** TCP: the host (brackets of an IPv6 address removed). */
    public String host() {
        return host(target);
    }

    private static String host(String s) {
        String h = s.substring(0, Math.max(0, s.lastIndexOf(':')));
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    /** TCP: the port. */
    public int port() {
        return Integer.parseInt(target.substring(target.lastIndexOf(':') + 1));
    }

    /** HTTP: the URL. */
    public URI uri() {
        return URI.create(target.strip());
    }

    /** LOG_LINE: the regex, compiled. */
    public Pattern pattern() {
        return Pattern.compile(target);
    }

    /** For messages: {@code http http://...}. */
    public String describe() {
        return kind == Kind.LOG_LINE ? "log_line /" + target + "/" : kind.key() + " " + target;
    }
}
