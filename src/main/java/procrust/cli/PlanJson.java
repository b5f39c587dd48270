package procrust.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import procrust.plan.Action;
import procrust.plan.Plan;
import procrust.plan.Times;

/**
 * The JSON view of a plan (SPEC §4): {@code {"at", "actions": [{"action", "id", "version", "reason"}]}},
 * plus stable extra keys: per action {@code old_version}, {@code until}, {@code changed_fields}; at the
 * top {@code zone}, {@code changes}, {@code summary} and {@code next_change}. Arrays are never null.
 */
final class PlanJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanJson() {
    }

    static String render(Plan plan, ZoneId zone) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("at", Times.format(plan.at(), zone));
        root.put("zone", zone.getId());
        root.put("changes", plan.hasChanges());
        ArrayNode actions = root.putArray("actions");
        for (Action a : plan.actions()) {
            ObjectNode n = actions.addObject();
            n.put("action", a.kind().wire());
            n.put("id", a.id());
            n.put("version", a.version());
            n.put("reason", a.reason());
            n.put("old_version", a.oldVersion());
            n.put("until", Times.format(a.until(), zone));
            ArrayNode changed = n.putArray("changed_fields");
            a.changedFields().forEach(changed::add);
        }
        PlanSummary s = PlanSummary.of(plan);
        ObjectNode summary = root.putObject("summary");
        summary.put("start", s.start());
        summary.put("stop", s.stop());
        summary.put("replace", s.replace());
        summary.put("unchanged", s.unchanged());
        root.put("next_change", Times.format(plan.nextChange(), zone));
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a plan as JSON", e);
        }
    }
}
