package procrust.reconcile;

/** An instance's identity: (id, version = apply_on as written). */
public record Key(String id, String version) {
    @Override
    public String toString() {
        return id + "@" + version;
    }
}
