package procrust.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static procrust.tui.TuiFixtures.V1;
import static procrust.tui.TuiFixtures.V2;
import static procrust.tui.TuiFixtures.config;
import static procrust.tui.TuiFixtures.row;
import static procrust.tui.TuiFixtures.snapshot;
import static procrust.tui.TuiFixtures.spec;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import procrust.config.Config;
import procrust.config.ProcessType;
import procrust.config.Schedule;
import procrust.plan.InstanceState;

class ViewModelTest {

    private final Config config = config(
            spec(0, "web", V1, ProcessType.NORMAL, Schedule.ALWAYS, "front"),
            spec(1, "db", V1, ProcessType.NORMAL, Schedule.ALWAYS, "data"),
            spec(2, "web", V2),
            spec(3, "cron", V1));

    private ViewModel model(String filter) {
        // rows arrive in no particular order; "old" is only in the state (removed from the file)
        return ViewModel.of(snapshot(config, 42L,
                row("old", V1, InstanceState.STOPPING, 7L, "removed from the file"),
                row("cron", V1, InstanceState.WAITING, null, "outside its window"),
                row("web", V2, InstanceState.WAITING, null, "not active until 12:00"),
                row("db", V1, InstanceState.HELD, null, "held by operator"),
                row("web", V1, InstanceState.RUNNING, 100L, null)), filter);
    }

    @Test
    void rowsFollowTheFileThenStateOnlyIdsThenVersions() {
        List<String> keys = model("").rows().stream().map(ViewRow::key).toList();
        assertEquals(List.of("web@" + V1, "web@" + V2, "db@" + V1, "cron@" + V1, "old@" + V1), keys);
    }

    @Test
    void groupsComeFromTheFileEntryOfTheVersion() {
        ViewModel vm = model("");
        assertEquals("front", vm.rows().get(0).label());
        assertNull(vm.rows().get(1).label(), "web's second version has no group");
        assertEquals("data", vm.rows().get(2).label());
        assertNull(vm.rows().get(4).label(), "an id only in the state has no entry");
    }

    @Test
    void countsEveryStateOverAllRowsInStateOrder() {
        ViewModel vm = model("web");
        assertEquals(Map.of(InstanceState.WAITING, 2, InstanceState.RUNNING, 1, InstanceState.STOPPING, 1,
                InstanceState.HELD, 1), vm.counts());
        assertEquals(List.of(InstanceState.WAITING, InstanceState.RUNNING, InstanceState.STOPPING, InstanceState.HELD),
                List.copyOf(vm.counts().keySet()));
        assertEquals(2, vm.rows().size(), "the filter narrows the table, not the counts");
        assertEquals(5, vm.all().size());
    }

    @Test
    void filterMatchesIdGroupOrStateIgnoringCase() {
        assertEquals(List.of("web", "web"), ids(model("WE")));
        assertEquals(List.of("db"), ids(model("data")));
        assertEquals(List.of("db"), ids(model("held")));
        assertEquals(List.of("web", "cron"), ids(model("wait")));
        assertEquals(List.of(), ids(model("nothing-like-this")));
        assertEquals(5, model("  ").rows().size(), "a blank filter keeps everything");
    }

    @Test
    void selectionFollowsTheKeyAndFallsBackToTheFirstShownRow() {
        ViewModel vm = model("");
        assertEquals(2, vm.indexOf("db@" + V1));
        assertEquals(0, vm.indexOf("gone@" + V1));
        assertEquals(0, vm.indexOf(null));
        assertEquals("web", vm.selected(null).id());
        ViewModel empty = model("zzz");
        assertEquals(-1, empty.indexOf("db@" + V1));
        assertNull(empty.selected("db@" + V1));
    }

    @Test
    void rowsCarryTheirTone() {
        ViewModel vm = model("");
        assertEquals(Tone.GOOD, vm.rows().get(0).tone());
        assertEquals(Tone.HELD, vm.rows().get(2).tone());
        assertEquals(Tone.BUSY, vm.rows().get(4).tone());
    }

    private static List<String> ids(ViewModel vm) {
        return vm.rows().stream().map(ViewRow::id).toList();
    }
}
