package procrust.config.read;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;
import procrust.config.Hook;
import procrust.config.SourcePos;
import procrust.diag.Code;

/**
 * The top-level {@code [[hook]]} tables into {@link Hook}s, each checked here (the hook has no other
 * rule): {@code command} present and not blank, every event name known (an unknown one is
 * {@code invalid-value} at its own position, naming the closest known event), {@code timeout} a
 * positive duration. A hook with a problem is left out (the file is invalid anyway).
 */
final class HookMapper {

    private HookMapper() {
    }

    static List<Hook> map(TableReader top, Object v) {
        List<Hook> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof TomlArray)) {
            top.invalid("hook", "must be an array of tables: write each hook under its own [[hook]] header (two brackets)");
            return out;
        }
        TomlArray a = (TomlArray) v;
        for (int i = 0; i < a.size(); i++) {
            Object e = a.get(i);
            SourcePos p = top.position(a.inputPositionOf(i));
            if (!(e instanceof TomlTable)) {
                top.invalidAt(p, "hook", "must hold tables: element " + (i + 1) + " is " + TableReader.typeName(e));
                continue;
            }
            Hook h = hook(new TableReader((TomlTable) e, p, "[[hook]]", "hook.", null, top.sink(), top.src(), 0));
            if (h != null) {
                out.add(h);
            }
        }
        return out;
    }

    private static Hook hook(TableReader t) {
        t.keys(Keys.HOOK);
        int before = t.sink().diagnostics().size();
        String command = t.string("command");
        if (command == null && t.get("command") == null) {
            t.sink().error(Code.MISSING_FIELD, "[[hook]] needs `command`: the shell command to run on its events",
                    t.pos(), null, "hook.command");
        } else if (command != null && command.isBlank()) {
            t.invalid("command", "must not be blank: give the shell command to run on the hook's events");
        }
        List<String> events = events(t);
        Duration timeout = t.duration("timeout");
        if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
            t.invalid("timeout", "must be positive (the default is 30s)");
        }
        boolean ok = t.sink().diagnostics().size() == before && command != null;
        return ok ? new Hook(events, command, timeout, t.pos()) : null;
    }

    private static List<String> events(TableReader t) {
        TomlArray a = t.array("events", "event names");
        if (a == null) {
            return null;
        }
        List<String> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            Object v = a.get(i);
            SourcePos p = t.position(a.inputPositionOf(i));
            if (!(v instanceof String)) {
                t.invalidAt(p, "events", "must list event names as strings; element " + (i + 1) + " is "
                        + TableReader.typeName(v));
            } else if (!Hook.EVENTS.contains(v)) {
                String near = Suggestions.closest((String) v, Hook.EVENTS);
                t.invalidAt(p, "events", "names an unknown event \"" + Durations.shorten((String) v) + "\""
                        + (near == null ? "." : ": did you mean \"" + near + "\"?") + " Events: "
                        + String.join(", ", Hook.EVENTS));
            } else if (!out.contains(v)) {
                out.add((String) v);
            }
        }
        if (a.size() == 0) {
            t.invalid("events", "is empty: list the events to run on, or leave `events` out to run on all of them");
        }
        return out;
    }
}
