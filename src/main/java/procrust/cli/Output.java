package procrust.cli;

/**
 * The values of {@code --output}. The option itself is read as text: each command says in its own
 * words which formats it takes (plan: text or json; check also github; tui: none but text), and
 * {@link FileCommand#output} turns the text into one of these or refuses it as a usage error.
 */
enum Output {
    text, json, github;

    /** The format named {@code s}, or null when there is none by that name. */
    static Output named(String s) {
        for (Output o : values()) {
            if (o.name().equals(s)) {
                return o;
            }
        }
        return null;
    }
}
