package procrust.runtime;

/** The signals procrust sends. */
public enum Signal {
    TERM, KILL
}
