package procrust.plan;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import procrust.config.ProcessSpec;
import procrust.config.ProcessType;

/** The human sentences of a plan: why each action, and why each process is left alone. */
final class Reasons {

    private final ZoneId zone;
    private final Instant at;

    Reasons(ZoneId zone, Instant at) {
        this.zone = zone;
        this.at = at;
    }

    private String t(Instant i) {
        return Times.format(i, zone);
    }

    /** How the reasons that need an operator begin ({@link Plan#needingOperator}). */
    static final String FAILED = "FAILED";
    static final String HELD = "held by operator";

    String held(String id) {
        return HELD + " (`procrust start " + id + "` releases it)";
    }

    String notActiveUntil(Instant next) {
        return "not active until " + t(next);
    }

    String outsideWindow(ProcessSpec spec, Instant opens) {
        String s = "outside its schedule window (" + Windows.describe(spec.schedule()) + ")";
        return opens == null ? s + ": its schedule never opens" : s + " until " + t(opens);
    }

    /** Why a live instance is stopped, when its id is not wanted or it is not the active version. */
    String whyStop(Proc p, boolean inWindow, ObservedInstance live, Instant opens) {
        if (p.held) {
            return held(p.id);
        }
        if (!p.inFile()) {
            return "no longer in the file";
        }
        ProcessSpec active = p.active;
        ProcessSpec entry = p.entry(live.version());
        String mine;
        if (entry == null) {
            mine = "version " + live.version() + " is no longer in the file";
        } else if (entry.isFake()) {
            mine = "version " + live.version() + " is marked fake";
        } else if (entry.applyInstant(zone).isAfter(at)) {
            mine = "version " + live.version() + " is not active until " + t(entry.applyInstant(zone));
        } else if (active != null && !active.version().equals(live.version())) {
            mine = "replaced by version " + active.version() + " (active since " + t(p.activeAt) + ")";
        } else {
            mine = null;
        }
        if (active == null) {
            String none = p.next == null ? "no version is active" : "no version is active until " + t(p.nextAt);
            return mine == null ? none : mine + "; " + none;
        }
        if (inWindow) {
            return mine == null ? "not wanted" : mine;
        }
        String window = outsideWindow(active, opens);
        return mine == null ? window : mine + "; " + active.version() + " is " + window;
    }

    /** The stop reason of an old version whose replacement does not start now. */
    String replacedBy(ProcessSpec spec, Instant activeAt, String why) {
        return "replaced by version " + spec.version() + " (active since " + t(activeAt) + "), which "
                + (why.startsWith("waiting") ? "is " + why : "is left alone: " + why);
    }

    String live(ObservedInstance live) {
        String pid = live.pid() == null ? "" : " (pid " + live.pid() + ")";
        String since = live.since() == null ? "" : " since " + t(live.since());
        String adopt = live.needsAdoption() ? "; alive from an earlier run, not supervised: adopt it" : "";
        switch (live.state()) {
            case RUNNING:
                return "running" + pid + since + adopt;
            case PENDING_HEALTH_CHECK:
                return "starting" + pid + ": health check pending" + since + adopt;
            case STOPPING:
                return "being stopped" + pid + since + adopt;
            default:
                return live.state().name() + pid + since + adopt;
        }
    }

    String changed(List<String> fields) {
        if (fields.isEmpty()) {
            return "";
        }
        return "; changed since it started: " + String.join(", ", fields) + " (takes effect at its next start)";
    }

    String failed(ObservedInstance rec) {
        // apply's note of a FAILED record says why and what to do: said once, not wrapped in another
        if (rec.note() != null && rec.note().contains("procrust start")) {
            return FAILED + ": " + rec.note();
        }
        int n = rec.consecutiveFailures();
        return FAILED + " after " + n + " failed start" + (n == 1 ? "" : "s") + note(rec)
                + "; edit its entry or run `procrust start " + rec.id() + "` to try again";
    }

    String backoff(ObservedInstance rec) {
        return "backing off after " + rec.consecutiveFailures() + " failed start"
                + (rec.consecutiveFailures() == 1 ? "" : "s") + note(rec) + " until " + t(rec.backoffUntil());
    }

    String completed(ProcessSpec spec, ObservedInstance rec, Instant nextOpening) {
        String when = rec.since() == null ? "" : " at " + t(rec.since());
        if (spec.schedule().isAlways()) {
            return "completed" + when + "; a oneshot runs once per version";
        }
        return "completed" + when + " in this window; runs again when its next window opens"
                + (nextOpening == null ? "" : " at " + t(nextOpening));
    }

    String stopped(ProcessSpec spec, ObservedInstance rec, Instant nextOpening) {
        String s = "exited at " + t(rec.since()) + note(rec) + " and its restart policy ("
                + spec.restart().policy().wire() + ") does not restart it";
        if (spec.schedule().isAlways()) {
            return s + "; a new version starts it again";
        }
        return s + "; starts again when its next window opens" + (nextOpening == null ? "" : " at " + t(nextOpening));
    }

    /** Why a start waits for dependencies that are not up and get no start earlier in this plan. */
    String waitingFor(List<Proc> deps) {
        StringBuilder sb = new StringBuilder("waiting for ");
        for (int i = 0; i < deps.size(); i++) {
            Proc d = deps.get(i);
            if (i > 0) {
                sb.append(i == deps.size() - 1 ? " and " : ", ");
            }
            sb.append(d.id);
            if (d.active != null && d.active.type() == ProcessType.ONESHOT) {
                sb.append(" to complete");
            }
            sb.append(" (").append(dependencyState(d)).append(')');
        }
        return sb.toString();
    }

    private static String dependencyState(Proc d) {
        if (!d.inFile()) {
            return "not in the file";
        }
        if (d.stoppingActive) {
            return "being stopped: " + d.stops.get(d.stops.size() - 1).reason();
        }
        Action a = d.primary;
        if (a == null) {
            return d.active == null ? "no version is active" : "not running";
        }
        if (a.kind() == ActionKind.START || a.kind() == ActionKind.REPLACE) {
            return "not started yet";
        }
        // its own line says why and what to do; here only what it is
        if (a.reason().startsWith(FAILED)) {
            return FAILED;
        }
        if (a.reason().startsWith(HELD)) {
            return HELD;
        }
        return a.reason();
    }

    String oneAtATime(ObservedInstance pending, ObservedInstance old) {
        String s = "waiting for the start of " + pending.id() + " " + pending.version()
                + " to finish (one start at a time)";
        return old == null ? s : s + "; version " + old.version() + " keeps running until then";
    }

    String start(ProcessSpec spec, ObservedInstance rec, Windows.Window window, List<String> after) {
        String why;
        if (rec == null) {
            why = "not running";
        } else {
            switch (rec.state()) {
                case BACKOFF:
                    why = "back-off over: attempt " + (rec.consecutiveFailures() + 1) + note(rec);
                    break;
                case FAILED:
                    why = "its entry changed since it FAILED: trying again";
                    break;
                case COMPLETED:
                    why = "completed in an earlier window: runs again in this one";
                    break;
                case STOPPED:
                    why = "exited in an earlier window: starts again in this one";
                    break;
                default:
                    why = "not running";
            }
        }
        if (!spec.schedule().isAlways() && window != null) {
            why += "; window " + Windows.describe(spec.schedule())
                    + (window.closes() == null ? " open" : " open until " + t(window.closes()));
        }
        return why + after(after);
    }

    String replace(ProcessSpec spec, Instant activeAt, ObservedInstance old, List<String> after) {
        return "version " + spec.version() + " is active since " + t(activeAt) + ": stop "
                + old.version() + ", confirm it is gone, then start " + spec.version() + after(after);
    }

    private static String after(List<String> after) {
        return after.isEmpty() ? "" : "; after " + String.join(", ", after) + (after.size() == 1 ? " is" : " are") + " up";
    }

    private static String note(ObservedInstance rec) {
        return rec.note() == null || rec.note().isBlank() ? "" : " (" + rec.note() + ")";
    }
}
