package procrust.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.time.ZoneId;
import procrust.plan.Action;
import procrust.plan.Plan;
import procrust.plan.Upcoming;
import procrust.plan.Times;

/**
 * The JSON view of a plan (SPEC §4): {@code {"at", "actions": [{"action", "id", "version", "reason"}]}},
 * plus stable extra keys: per action {@code old_version}, {@code until}, {@code changed_fields}; at the
 * top {@code zone}, {@code changes}, {@code summary} and {@code next_change}. Arrays are never null.
 * Written with Jackson's streaming generator (no data-binding start-up cost).
 */
final class PlanJson {

    private PlanJson() {
    }

    static String render(Plan plan, ZoneId zone) {
        StringWriter sw = new StringWriter();
        write(plan, List.of(), zone, new PrintWriter(sw));
        return sw.toString();
    }

    static void write(Plan plan, List<Upcoming.Event> upcoming, ZoneId zone, PrintWriter out) {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("at", Times.format(plan.at(), zone));
            g.writeStringField("zone", zone.getId());
            g.writeBooleanField("changes", plan.hasChanges());
            g.writeArrayFieldStart("actions");
            for (Action a : plan.actions()) {
                g.writeStartObject();
                g.writeStringField("action", a.kind().wire());
                g.writeStringField("id", a.id());
                g.writeStringField("version", a.version());
                g.writeStringField("reason", a.reason());
                g.writeStringField("old_version", a.oldVersion());
                g.writeStringField("until", Times.format(a.until(), zone));
                g.writeArrayFieldStart("changed_fields");
                for (String f : a.changedFields()) {
                    g.writeString(f);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            PlanSummary s = PlanSummary.of(plan);
            g.writeObjectFieldStart("summary");
            g.writeNumberField("start", s.start());
            g.writeNumberField("stop", s.stop());
            g.writeNumberField("replace", s.replace());
            g.writeNumberField("unchanged", s.unchanged());
            g.writeEndObject();
            g.writeStringField("next_change", Times.format(plan.nextChange(), zone));
            g.writeArrayFieldStart("needs_operator");
            for (Action a : plan.needingOperator()) {
                g.writeString(a.id());
            }
            g.writeEndArray();
            g.writeArrayFieldStart("upcoming");
            for (Upcoming.Event e : upcoming) {
                g.writeStartObject();
                g.writeStringField("at", Times.format(e.at(), zone));
                g.writeStringField("id", e.id());
                g.writeStringField("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT));
                g.writeStringField("what", e.what());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
        out.flush();
    }
}
