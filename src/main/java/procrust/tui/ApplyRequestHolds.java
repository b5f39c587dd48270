package procrust.tui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;
import procrust.state.ApplyLock;
import procrust.state.Requests;

/**
 * Holds and releases handed to the running apply of the file's uid as requests in its state folder
 * ({@link Requests}, docs/apply.md "Requests"): the apply stops the process's whole group and records
 * the hold, exactly as for {@code procrust stop}. With no apply running nothing would act on a request,
 * so none is written and the operator is told.
 */
public final class ApplyRequestHolds implements HoldActions {

    private final Supplier<Path> uidDir;

    /** @param uidDir the current uid's state folder (it changes if the file's uid does) */
    public ApplyRequestHolds(Supplier<Path> uidDir) {
        this.uidDir = uidDir;
    }

    @Override
    public Outcome hold(String id) throws IOException {
        return submit("hold", id);
    }

    @Override
    public Outcome release(String id) throws IOException {
        return submit("release", id);
    }

    private Outcome submit(String op, String id) throws IOException {
        Path dir = uidDir.get();
        OptionalLong apply = ApplyLock.holder(dir);
        if (apply.isEmpty()) {
            return new Outcome(false, "no apply is running for this file: nothing was changed (start `procrust apply`,"
                    + " then press " + ("hold".equals(op) ? "s" : "S") + " again)");
        }
        Requests.submit(dir, new Requests.Request(op, List.of(id)));
        return new Outcome(true, ("hold".equals(op) ? "stop and hold of " : "release of ") + id
                + " sent to apply (pid " + apply.getAsLong() + "); waiting for it to show...");
    }
}
