package procrust.tui;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.keymap.BindingReader;
import org.jline.keymap.KeyMap;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;
import procrust.logs.LogFiles;
import procrust.tui.UiState.View;

/**
 * The live loop on a real terminal: raw mode on the alternate screen, redraw through JLine's
 * {@link Display} (only changed cells are written), keys through the {@link TerminalKeys} map, a
 * fresh {@link Snapshot} every second (every quarter second while a stop or start is carried out, every
 * half second when a log is shown) and at once after an action and its outcome, the screen redrawn on
 * SIGWINCH. Holds and releases go to {@link HoldActions} and their outcomes come back through a queue.
 * Quitting (q, Ctrl-C, the terminal closing) restores the terminal and changes nothing.
 */
public final class TuiApp {

    /** An outcome from the worker thread, and whether it was a hold. */
    private record Finished(boolean hold, HoldActions.Outcome outcome) {
    }

    private static final long POLL_MS = 100;

    private final SnapshotSource source;
    private final HoldActions holds;
    private final Palette palette;
    private final Clock clock;
    private UiState ui = UiState.initial();
    private ViewModel vm;
    /** Holds and releases handed to {@link HoldActions} whose outcome has not been shown yet. */
    private int inFlight;
    private boolean quitArmed;
    private final Queue<Finished> finished = new ConcurrentLinkedQueue<>();
    private List<String> logLines = List.of();
    private Path logFile;
    private int rows = 24;

    public TuiApp(SnapshotSource source, HoldActions holds, Palette palette, Clock clock) {
        this.source = source;
        this.holds = holds;
        this.palette = palette;
        this.clock = clock;
    }

    /** Runs until the operator quits; returns the exit status (0). */
    public int run(Terminal t) throws IOException {
        return run(t, source.read());
    }

    /** {@link #run(Terminal)} from a first reading already made (while the terminal was being set up). */
    public int run(Terminal t, Snapshot first) throws IOException {
        vm = ViewModel.of(first, ui.effectiveFilter());
        Attributes saved = t.enterRawMode();
        AtomicBoolean restored = new AtomicBoolean();
        Runnable restore = () -> {
            if (restored.compareAndSet(false, true)) {
                try {
                    t.puts(Capability.cursor_normal);
                    t.puts(Capability.keypad_local);
                    t.puts(Capability.exit_ca_mode);
                    t.setAttributes(saved);
                    t.flush();
                } catch (RuntimeException | java.io.IOError e) {
                    // the terminal is gone (SSH dropped): nothing left to restore
                }
            }
        };
        Thread hook = new Thread(restore, "procrust-tui-restore");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            t.puts(Capability.enter_ca_mode);
            t.puts(Capability.keypad_xmit);
            t.puts(Capability.cursor_invisible);
            t.flush();
            return loop(t);
        } finally {
            restore.run();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook ran restore
            }
        }
    }

    private int loop(Terminal t) throws IOException {
        Display display = new Display(t, true);
        AtomicBoolean resized = new AtomicBoolean(true);
        t.handle(Terminal.Signal.WINCH, s -> resized.set(true));
        BindingReader reader = new BindingReader(t.reader());
        KeyMap<Input.Kind> keys = TerminalKeys.map(t);
        Size size = new Size(80, 24);
        readLog();
        long nextRefresh = System.nanoTime() + interval().toNanos(); // monotonic: a wall-clock step never freezes the screen
        boolean dirty = true;
        while (true) {
            if (resized.getAndSet(false)) {
                size = t.getSize();
                rows = Math.max(1, size.getRows());
                display.clear();
                display.resize(size.getRows(), size.getColumns());
                dirty = true;
            }
            if (dirty) {
                Frame f = new Frame(ui, vm, logFile, logLines, clock.instant());
                display.update(Screens.render(f, palette, size.getColumns(), size.getRows()), 0);
                t.flush();
                dirty = false;
            }
            long wait = Math.max(1, Math.min(POLL_MS, (nextRefresh - System.nanoTime()) / 1_000_000));
            int c = reader.peekCharacter(wait);
            if (c == NonBlockingReader.EOF) {
                return 0; // the terminal went away
            }
            boolean refreshNow = false;
            if (c >= 0) {
                Input.Kind k = reader.readBinding(keys, null, true);
                if (k == null) {
                    return 0;
                }
                if (k == Input.Kind.REDRAW) {
                    display.clear();
                    dirty = true;
                    continue;
                }
                String seq = reader.getLastBinding();
                Input in = k == Input.Kind.CHAR && seq != null && !seq.isEmpty() ? Input.ch(seq.charAt(0)) : Input.of(k);
                UiState before = ui;
                Controller.Step step = Controller.handle(ui, in, vm, Math.max(1, size.getRows() - 12));
                ui = step.state();
                dirty = true;
                if (step.command() instanceof Command.Quit) {
                    if (inFlight == 0 || quitArmed) {
                        return 0;
                    }
                    quitArmed = true;
                    ui = ui.withMessage("a stop or start is still being carried out: q again quits anyway (it goes on"
                            + " in apply, or resumes at the next apply)", Tone.BUSY);
                    continue;
                }
                quitArmed = false;
                refreshNow = act(step.command());
                vm = ViewModel.of(vm.snapshot(), ui.effectiveFilter());
                if (!refreshNow && (ui.view() != before.view() || !java.util.Objects.equals(ui.selected(), before.selected()))) {
                    readLog();
                }
            }
            for (Finished done = finished.poll(); done != null; done = finished.poll()) {
                inFlight--;
                HoldActions.Outcome o = done.outcome();
                ui = ui.withMessage(o.message(), !o.ok() ? Tone.BAD : done.hold() ? Tone.HELD : Tone.GOOD);
                refreshNow = true;
            }
            if (refreshNow || System.nanoTime() - nextRefresh >= 0) {
                refresh();
                nextRefresh = System.nanoTime() + interval().toNanos();
                dirty = true;
            }
        }
    }

    private Duration interval() {
        if (inFlight > 0) {
            return Duration.ofMillis(250);
        }
        return ui.view() == View.LOG ? Duration.ofMillis(500) : Duration.ofSeconds(1);
    }

    /** Hands a confirmed hold or release to the commands' code; true when something was asked. */
    private boolean act(Command cmd) {
        if (cmd instanceof Command.Hold h) {
            inFlight++;
            ui = ui.withMessage("stopping " + h.id() + " (procrust stop " + h.id() + ")...", Tone.BUSY);
            holds.hold(h.id(), o -> finished.add(new Finished(true, o)));
            return true;
        }
        if (cmd instanceof Command.Release r) {
            inFlight++;
            ui = ui.withMessage("releasing " + r.id() + " (procrust start " + r.id() + ")...", Tone.BUSY);
            holds.release(r.id(), o -> finished.add(new Finished(false, o)));
            return true;
        }
        return false;
    }

    private void refresh() {
        try {
            Long applyBefore = vm.snapshot().report().applyPid();
            vm = ViewModel.of(source.read(), ui.effectiveFilter());
            if (inFlight == 0 && ui.message() != null
                    && !java.util.Objects.equals(applyBefore, vm.snapshot().report().applyPid())) {
                // an outcome that names the apply of its time ("apply (pid N) confirmed...") is stale once
                // that apply is gone or another took over
                ui = ui.withMessage(null, Tone.GOOD);
            }
        } catch (IOException | RuntimeException e) {
            ui = ui.withMessage("could not read the state: " + e.getMessage() + " (showing the last reading)", Tone.BAD);
        }
        readLog();
    }

    /** The selected process's log, when the view shows it. */
    private void readLog() {
        ViewRow r = vm.selected(ui.selected());
        if (ui.view() == View.LIST || r == null) {
            logFile = null;
            logLines = List.of();
            return;
        }
        try {
            logFile = LogFiles.fileFor(vm.snapshot().logDir(), r.id());
            logLines = LogLines.last(logFile, rows);
        } catch (IOException | IllegalArgumentException e) {
            logLines = List.of("(cannot read the log: " + e.getMessage() + ")");
        }
    }
}
