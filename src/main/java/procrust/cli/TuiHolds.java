package procrust.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import procrust.reconcile.Holds;
import procrust.reconcile.LineEventLog;
import procrust.runtime.Host;
import procrust.tui.HoldActions;

/**
 * The TUI's {@code s} and {@code S}: exactly {@code procrust stop ID} and {@code procrust start ID}
 * ({@link HoldCommand#perform}, same gates, same selection, same {@link Holds#run}), one at a time on a
 * worker thread so the screen stays live while the command waits for its confirmation. What the
 * command would print is captured; its last line becomes the outcome.
 */
final class TuiHolds implements HoldActions {

    private final CommonOptions common;
    private final Host host;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "procrust-tui-hold");
        t.setDaemon(true);
        return t;
    });

    TuiHolds(CommonOptions common, Host host) {
        this.common = common;
        this.host = host;
    }

    @Override
    public void hold(String id, Consumer<Outcome> done) {
        submit(Holds.Op.STOP, id, done);
    }

    @Override
    public void release(String id, Consumer<Outcome> done) {
        submit(Holds.Op.START, id, done);
    }

    private void submit(Holds.Op op, String id, Consumer<Outcome> done) {
        worker.execute(() -> done.accept(run(op, id)));
    }

    /** Runs the command and turns its exit status and last line into an outcome. */
    Outcome run(Holds.Op op, String id) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
            int status = HoldCommand.perform(op, common, List.of(id), false, null, o, e, host,
                    new LineEventLog(e, host.clock(), false));
            o.flush();
            e.flush();
            return new Outcome(status == 0, lastLine(status == 0 ? out.toString() : err.toString(), op, id));
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return new Outcome(false, "procrust " + op.verb() + " " + id + " was interrupted");
        } catch (Exception ex) {
            return new Outcome(false, "procrust " + op.verb() + " " + id + " failed: " + ex.getMessage());
        }
    }

    private static String lastLine(String text, Holds.Op op, String id) {
        String[] lines = text.strip().split("\n");
        String last = lines[lines.length - 1].strip();
        if (last.startsWith("procrust: ")) {
            last = last.substring("procrust: ".length());
        }
        return last.isEmpty() ? "procrust " + op.verb() + " " + id + " said nothing" : last;
    }
}
