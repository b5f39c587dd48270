package procrust.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static procrust.tui.TuiFixtures.V1;
import static procrust.tui.TuiFixtures.config;
import static procrust.tui.TuiFixtures.row;
import static procrust.tui.TuiFixtures.snapshot;
import static procrust.tui.TuiFixtures.spec;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import procrust.plan.InstanceState;
import procrust.tui.Input.Kind;
import procrust.tui.UiState.View;

class ControllerTest {

    private final ViewModel vm = ViewModel.of(snapshot(config(spec(0, "a", V1), spec(1, "b", V1), spec(2, "c", V1)), 1L,
            row("a", V1, InstanceState.RUNNING, 10L, null),
            row("b", V1, InstanceState.RUNNING, 11L, null),
            row("c", V1, InstanceState.HELD, null, null)), "");

    private UiState s = UiState.initial();
    private Command last;

    private void press(Input... keys) {
        for (Input k : keys) {
            Controller.Step step = Controller.handle(s, k, ViewModel.of(vm.snapshot(), s.effectiveFilter()), 2);
            s = step.state();
            last = step.command();
        }
    }

    private String selectedId() {
        return ViewModel.of(vm.snapshot(), s.effectiveFilter()).selected(s.selected()).id();
    }

    @Test
    void arrowsAndJkMoveWithinTheRows() {
        press(Input.ch('j'));
        assertEquals("b", selectedId());
        press(Input.of(Kind.DOWN), Input.of(Kind.DOWN), Input.of(Kind.DOWN));
        assertEquals("c", selectedId(), "stops at the last row");
        press(Input.ch('k'), Input.of(Kind.UP), Input.of(Kind.UP));
        assertEquals("a", selectedId(), "stops at the first row");
        press(Input.of(Kind.END));
        assertEquals("c", selectedId());
        press(Input.ch('g'));
        assertEquals("a", selectedId());
        press(Input.of(Kind.PAGE_DOWN));
        assertEquals("c", selectedId(), "a page is 2 rows here");
    }

    @Test
    void enterOpensDetailsLFollowsTheLogEscGoesBack() {
        press(Input.ch('j'), Input.of(Kind.ENTER));
        assertEquals(View.DETAIL, s.view());
        press(Input.ch('j'));
        assertEquals("c", selectedId(), "j moves to the next process's details");
        press(Input.ch('l'));
        assertEquals(View.LOG, s.view());
        press(Input.of(Kind.ESC));
        assertEquals(View.LIST, s.view());
        press(Input.of(Kind.ENTER), Input.of(Kind.ESC));
        assertEquals(View.LIST, s.view());
        assertEquals(Command.NONE, last);
    }

    @Test
    void qQuitsFromEveryViewAndHelp() {
        for (Input[] path : List.of(new Input[0], new Input[] {Input.of(Kind.ENTER)}, new Input[] {Input.ch('l')},
                new Input[] {Input.ch('?')})) {
            s = UiState.initial();
            press(path);
            press(Input.ch('q'));
            assertInstanceOf(Command.Quit.class, last);
        }
        s = UiState.initial();
        press(Input.of(Kind.CTRL_C));
        assertInstanceOf(Command.Quit.class, last);
    }

    @Test
    void helpOpensWithQuestionMarkAndAnyOtherKeyClosesIt() {
        press(Input.ch('?'));
        assertTrue(s.help());
        press(Input.ch('x'));
        assertTrue(!s.help());
        assertEquals(Command.NONE, last);
    }

    @Test
    void sAsksThenYHoldsTheSelectedProcess() {
        press(Input.ch('j'), Input.ch('s'));
        assertEquals(new UiState.Confirm(true, "b"), s.confirm());
        assertEquals(Command.NONE, last, "nothing happens before the answer");
        press(Input.ch('y'));
        assertEquals(new Command.Hold("b"), last);
        assertNull(s.confirm());
    }

    @Test
    void capitalSAsksThenYReleases() {
        press(Input.of(Kind.END), Input.ch('S'), Input.ch('Y'));
        assertEquals(new Command.Release("c"), last);
    }

    @Test
    void anyOtherAnswerCancels() {
        press(Input.ch('s'), Input.ch('n'));
        assertEquals(Command.NONE, last);
        assertNull(s.confirm());
        assertEquals("cancelled: nothing was changed", s.message());
        press(Input.ch('s'), Input.ch('q'));
        assertEquals(Command.NONE, last, "q answers the question (no), it does not quit");
        press(Input.ch('S'), Input.of(Kind.ESC));
        assertEquals(Command.NONE, last);
    }

    @Test
    void slashTypesAFilterLiveEnterKeepsEscCancels() {
        press(Input.ch('/'), Input.ch('q'), Input.ch('s'));
        assertEquals("qs", s.draft(), "while typing, q and s are letters");
        assertEquals(Command.NONE, last);
        press(Input.of(Kind.BACKSPACE), Input.of(Kind.BACKSPACE), Input.ch('b'));
        assertEquals("b", s.effectiveFilter());
        assertEquals("b", selectedId());
        press(Input.of(Kind.ENTER));
        assertEquals("b", s.filter());
        assertNull(s.draft());
        press(Input.ch('/'), Input.ch('x'), Input.of(Kind.ESC));
        assertEquals("b", s.filter(), "esc while typing keeps the filter in force");
        press(Input.of(Kind.ESC));
        assertEquals("", s.filter(), "esc in the list clears it");
    }

    @Test
    void actionsNeedASelectedRow() {
        ViewModel none = ViewModel.of(snapshot(config(spec(0, "a", V1)), 1L), "");
        Controller.Step step = Controller.handle(UiState.initial(), Input.ch('s'), none, 2);
        assertNull(step.state().confirm());
        assertEquals("no process selected", step.state().message());
    }

    /** The TUI changes nothing on its own: a hold or release only ever follows s or S and then y. */
    @Property(tries = 300)
    void holdsAndReleasesOnlyFollowAConfirmedQuestion(@ForAll("keys") List<Input> keys) {
        UiState st = UiState.initial();
        Input prev = null;
        for (Input k : keys) {
            Controller.Step step = Controller.handle(st, k, ViewModel.of(vm.snapshot(), st.effectiveFilter()), 2);
            if (step.command() instanceof Command.Hold || step.command() instanceof Command.Release) {
                assertTrue(k.is('y') || k.is('Y'), "an action without y: " + keys);
                assertTrue(st.confirm() != null, "an action without a question: " + keys);
                assertTrue(prev != null && (prev.is('s') || prev.is('S')), "y not right after s/S: " + keys);
            }
            if (step.command() instanceof Command.Quit) {
                break;
            }
            prev = k;
            st = step.state();
        }
    }

    @Provide
    Arbitrary<List<Input>> keys() {
        Arbitrary<Input> chars = Arbitraries.of('j', 'k', 's', 'S', 'y', 'Y', 'n', 'l', '/', '?', 'q', 'g', 'G', 'a', 'x')
                .map(Input::ch);
        Arbitrary<Input> named = Arbitraries.of(Kind.UP, Kind.DOWN, Kind.ENTER, Kind.ESC, Kind.BACKSPACE, Kind.PAGE_DOWN,
                Kind.LEFT, Kind.OTHER).map(Input::of);
        return Arbitraries.oneOf(chars, named).list().ofMaxSize(40);
    }
}
