package procrust.config.read;

/** A value read from text, or why it could not be ({@code error} completes "`key` ..."). */
record Parsed<T>(T value, String error) {

    static <T> Parsed<T> ok(T value) {
        return new Parsed<>(value, null);
    }

    static <T> Parsed<T> fail(String error) {
        return new Parsed<>(null, error);
    }

    boolean ok() {
        return error == null;
    }
}
