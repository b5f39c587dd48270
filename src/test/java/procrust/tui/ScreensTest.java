package procrust.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static procrust.tui.TuiFixtures.NOW;
import static procrust.tui.TuiFixtures.V1;
import static procrust.tui.TuiFixtures.V2;
import static procrust.tui.TuiFixtures.config;
import static procrust.tui.TuiFixtures.row;
import static procrust.tui.TuiFixtures.snapshot;
import static procrust.tui.TuiFixtures.spec;
import static procrust.tui.TuiFixtures.weekdays;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;
import procrust.config.ProcessType;
import procrust.plan.InstanceState;
import procrust.reconcile.StatusReport;

class ScreensTest {

    private final Snapshot snap = snapshot(config(
                    spec(0, "web", V1),
                    spec(1, "worker", V1),
                    spec(2, "office", V1, ProcessType.NORMAL, weekdays("08:00", "18:00"), null),
                    spec(3, "web", V2)),
            4242L,
            row("web", V1, InstanceState.RUNNING, 100L, null),
            row("worker", V1, InstanceState.HELD, null, "held by operator (`procrust start worker` releases it)"),
            row("office", V1, InstanceState.FAILED, null, "exited 3 five times in a row"),
            row("web", V2, InstanceState.WAITING, null, "not active until 12:00"));

    private static final Palette COLOUR = new Palette(true);
    private static final Palette PLAIN = new Palette(false);

    private List<AttributedString> render(UiState ui, Palette p, int w, int h, List<String> log) {
        return Screens.render(new Frame(ui, ViewModel.of(snap, ui.effectiveFilter()), Path.of("/logs/web.log"), log, NOW),
                p, w, h);
    }

    private static List<String> text(List<AttributedString> lines) {
        return lines.stream().map(AttributedString::toString).toList();
    }

    private static AttributedStyle styleOf(AttributedString line, String word) {
        int i = line.toString().indexOf(word);
        assertTrue(i >= 0, word + " not in: " + line);
        return line.styleAt(i);
    }

    private static AttributedString lineWith(List<AttributedString> lines, String s) {
        return lines.stream().filter(l -> l.toString().contains(s)).findFirst()
                .orElseThrow(() -> new AssertionError(s + " not on the screen:\n" + String.join("\n", text(lines))));
    }

    @Test
    void theListAt80x24ShowsHeaderRowsNextChangesAndKeys() {
        List<AttributedString> lines = render(UiState.initial(), COLOUR, 80, 24, List.of());
        List<String> t = text(lines);
        assertEquals(24, lines.size());
        assertTrue(t.get(0).startsWith("procrust tui  procrust.toml"), t.get(0));
        assertTrue(t.get(0).endsWith("10:00:00"), "the clock, in the file's zone: " + t.get(0));
        assertTrue(t.get(1).startsWith("apply running (pid 4242)  uid " + TuiFixtures.UID), t.get(1));
        assertTrue(t.get(2).startsWith("WAITING 1  RUNNING 1  FAILED 1  HELD 1"), t.get(2));
        assertTrue(t.get(2).endsWith("4 processes"), t.get(2));
        assertEquals(List.of("ID", "VERSION", "STATE", "PID", "UPTIME", "RST", "NOTE"), List.of(t.get(3).trim().split("\\s+")));
        assertTrue(t.get(4).startsWith("> web     2024-10-01T12:00:00  RUNNING  100  1m05s   0"), t.get(4));
        assertTrue(t.get(5).startsWith("  web     " + V2 + "  WAITING  -    -       0    not active"), t.get(5));
        assertTrue(t.get(6).startsWith("  worker  "), t.get(6));
        assertTrue(t.get(7).startsWith("  office  "), t.get(7));
        assertTrue(t.get(19).startsWith("next changes"), t.get(19));
        assertEquals("  12:00:00  in 2h00m  web     new version " + V2, t.get(20));
        assertEquals("  18:00:00  in 8h00m  office  window closes (mon-fri 08:00-18:00)", t.get(21));
        assertTrue(t.get(23).startsWith("j/k move  enter details  l log  s stop  S start  / filter  ? help  q quit"));
        for (AttributedString l : lines) {
            assertTrue(l.columnLength() <= 80, "too wide: " + l);
        }
    }

    @Test
    void statesAreColouredByTone() {
        List<AttributedString> lines = render(UiState.initial(), COLOUR, 80, 24, List.of());
        assertEquals(AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN).inverse(),
                styleOf(lineWith(lines, "RUNNING  100"), "RUNNING"), "selected row: reverse video, colour kept");
        assertEquals(AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA).bold(),
                styleOf(lineWith(lines, "worker "), "HELD"));
        assertEquals(AttributedStyle.DEFAULT.foreground(AttributedStyle.RED).bold(),
                styleOf(lineWith(lines, "office "), "FAILED"));
        assertEquals(AttributedStyle.DEFAULT, styleOf(lineWith(lines, "WAITING  -"), "WAITING"));
        assertEquals(AttributedStyle.DEFAULT, styleOf(lineWith(lines, "worker "), "worker"), "only the state is coloured");
        AttributedString counts = lines.get(2);
        assertEquals(AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA).bold(), styleOf(counts, "HELD 1"));
    }

    @Test
    void withoutColourOnlyBoldAndReverseRemain() {
        for (AttributedString l : render(UiState.initial(), PLAIN, 80, 24, List.of())) {
            for (int i = 0; i < l.length(); i++) {
                String ansi = l.subSequence(i, i + 1).toAnsi();
                assertFalse(ansi.matches(".*\\[(\\d+;)*3[0-7](;\\d+)*m.*"), "a colour in: " + l + " at " + i);
            }
        }
        assertTrue(styleOf(lineWith(render(UiState.initial(), PLAIN, 80, 24, List.of()), "worker "), "HELD")
                .equals(AttributedStyle.BOLD));
    }

    @Test
    void aGroupColumnAppearsWhenTheFileUsesGroups() {
        Snapshot grouped = snapshot(config(spec(0, "web", V1, ProcessType.NORMAL, procrust.config.Schedule.ALWAYS, "front"),
                        spec(1, "db", V1)), 1L,
                row("web", V1, InstanceState.RUNNING, 100L, null), row("db", V1, InstanceState.RUNNING, 101L, null));
        List<String> t = text(Screens.render(new Frame(UiState.initial(), ViewModel.of(grouped, ""), null, List.of(), NOW),
                COLOUR, 80, 24));
        assertEquals(List.of("ID", "LABEL", "VERSION", "STATE", "PID", "UPTIME", "RST", "NOTE"),
                List.of(t.get(3).trim().split("\\s+")));
        assertTrue(t.get(4).startsWith("> web  front  " + V1), t.get(4));
        assertTrue(t.get(5).startsWith("  db   -      " + V1), t.get(5));
    }

    @Test
    void theSelectionIsMarkedAndFollowsItsKey() {
        UiState ui = UiState.initial().withSelected("worker@" + V1);
        List<String> t = text(render(ui, COLOUR, 80, 24, List.of()));
        assertTrue(t.get(6).startsWith("> worker"), t.get(6));
        assertTrue(t.get(4).startsWith("  web"), t.get(4));
    }

    @Test
    void aNarrowTerminalCutsTheVersionBeforeDroppingTheNote() {
        List<String> t = text(render(UiState.initial(), COLOUR, 60, 24, List.of()));
        assertTrue(t.get(4).startsWith("> web     2024-10-0…  RUNNING"), t.get(4));
        assertTrue(t.get(6).contains("held by"), t.get(6));
    }

    @Test
    void aFilterNarrowsTheTableAndSaysSo() {
        UiState ui = UiState.initial().withFilter("held", null);
        List<String> t = text(render(ui, COLOUR, 80, 24, List.of()));
        assertTrue(t.get(2).endsWith("1 of 4 shown"), t.get(2));
        assertTrue(t.get(4).startsWith("> worker"), t.get(4));
        assertTrue(t.get(5).isBlank(), t.get(5));
        assertTrue(t.get(22).startsWith("filter: held"), t.get(22));
    }

    @Test
    void aQuestionAndAnOutcomeShowAboveTheKeys() {
        UiState ui = UiState.initial().withConfirm(new UiState.Confirm(true, "web"));
        assertEquals("stop web and hold it stopped? (y/n)", text(render(ui, COLOUR, 80, 24, List.of())).get(22));
        UiState done = UiState.initial().withMessage("web is stopped and held; S releases it", Tone.HELD);
        AttributedString l = render(done, COLOUR, 80, 24, List.of()).get(22);
        assertEquals("web is stopped and held; S releases it", l.toString());
        assertEquals(AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA).bold(), l.styleAt(0));
    }

    @Test
    void detailsShowTheProcessAndTheTailOfItsLog() {
        List<String> log = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            log.add("line " + i);
        }
        UiState ui = UiState.initial().withView(UiState.View.DETAIL);
        List<String> t = text(render(ui, COLOUR, 80, 24, log));
        assertEquals(24, t.size());
        assertTrue(t.get(0).startsWith("procrust tui  web @ " + V1), t.get(0));
        assertTrue(t.stream().anyMatch(l -> l.matches("\\s+state\\s+RUNNING  pid 100, up 1m05s  0 restarts")), String.join("\n", t));
        assertTrue(t.stream().anyMatch(l -> l.matches("\\s+command\\s+run web")), String.join("\n", t));
        assertTrue(t.stream().anyMatch(l -> l.matches("\\s+log\\s+/logs/web.log")), String.join("\n", t));
        assertTrue(t.stream().anyMatch(l -> l.matches("\\s+liveness\\s+-")), String.join("\n", t));
        assertEquals("line 100", t.get(21), "the newest log line sits just above the message line");
        assertTrue(t.get(23).startsWith("j/k next  esc back"), t.get(23));
    }

    @Test
    void theLogViewFillsTheScreenWithTheNewestLines() {
        List<String> log = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            log.add("line " + i);
        }
        List<String> t = text(render(UiState.initial().withView(UiState.View.LOG), COLOUR, 80, 24, log));
        assertTrue(t.get(0).startsWith("procrust tui  log of web  /logs/web.log"), t.get(0));
        assertEquals("line 80", t.get(1));
        assertEquals("line 100", t.get(21));
    }

    @Test
    void noApplyRunningIsAWarning() {
        Snapshot s = new Snapshot(snap.file(), snap.config(), new StatusReport(TuiFixtures.UID, null,
                snap.report().rows(), null, false, NOW), null, snap.logDir());
        AttributedString l = Screens.render(new Frame(UiState.initial(), ViewModel.of(s, ""), null, List.of(), NOW),
                COLOUR, 80, 24).get(1);
        assertTrue(l.toString().startsWith("no apply running (unsupervised)"), l.toString());
        assertEquals(AttributedStyle.DEFAULT.foreground(AttributedStyle.RED).bold(), l.styleAt(0));
    }

    @Test
    void aProblemWithTheFileIsShownBeforeAnEarlierOutcome() {
        Snapshot s = new Snapshot(snap.file(), snap.config(), snap.report(), "procrust.toml is invalid (line 3: x)",
                snap.logDir());
        UiState ui = UiState.initial().withMessage("web: stopped and held (apply pid 42 confirmed ...)", Tone.GOOD);
        String all = String.join("\n", text(Screens.render(new Frame(ui, ViewModel.of(s, ""), null, List.of(), NOW),
                COLOUR, 80, 24)));
        assertTrue(all.contains("procrust.toml is invalid (line 3: x)"), all);
        assertFalse(all.contains("apply pid 42"), all);
    }

    @Test
    void helpListsEveryKey() {
        String all = String.join("\n", text(render(UiState.initial().withHelp(true), COLOUR, 80, 24, List.of())));
        for (String k : List.of("j/k", "enter", "\n  l ", "\n  s ", "\n  S ", "\n  / ", "\n  ? ", "q, ctrl-c", "esc")) {
            assertTrue(all.contains(k), k + " missing from help:\n" + all);
        }
    }

    /** Whatever the size (down to 1x1) and view, the screen has exactly the terminal's lines, none too wide. */
    @Property(tries = 200)
    void everyScreenFitsTheTerminal(@ForAll @IntRange(min = 1, max = 200) int width,
                                    @ForAll @IntRange(min = 1, max = 60) int height,
                                    @ForAll UiState.View view, @ForAll boolean help) {
        UiState ui = UiState.initial().withView(view).withHelp(help).withMessage("x".repeat(300), Tone.BAD);
        String longId = "a-process-with-a-very-long-id-" + "z".repeat(30);
        Snapshot wide = snapshot(config(spec(0, longId, V1)), 1L,
                row(longId, V1, InstanceState.PENDING_HEALTH_CHECK, 123456L, "why ".repeat(100)));
        List<AttributedString> lines = Screens.render(new Frame(ui, ViewModel.of(wide, ""), Path.of("/l/" + longId),
                List.of("y".repeat(500), "short", "\t\u001b[2Jtab"), NOW), COLOUR, width, height);
        assertEquals(height, lines.size());
        for (AttributedString l : lines) {
            assertTrue(l.columnLength() <= width, width + "x" + height + " " + view + ": too wide: " + l);
        }
    }
}
