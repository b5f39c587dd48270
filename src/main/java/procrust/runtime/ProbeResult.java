package procrust.runtime;

/** The outcome of one health-check attempt: success, and in words what was seen ("HTTP 503"). */
public record ProbeResult(boolean ok, String detail) {

    public static ProbeResult ok(String detail) {
        return new ProbeResult(true, detail);
    }

    public static ProbeResult failed(String detail) {
        return new ProbeResult(false, detail);
    }
}
