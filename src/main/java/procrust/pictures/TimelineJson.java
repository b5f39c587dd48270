package procrust.pictures;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import procrust.plan.Times;
import procrust.plan.Timeline;

/**
 * SPEC §6: {@code {"from", "to", "zone", "processes": [{"id", "intervals": [{"start", "end",
 * "version"}]}]}}, instants in ISO-8601 with the zone's offset at each instant.
 */
public final class TimelineJson {

    private TimelineJson() {
    }

    public static String render(Timeline.Result t) {
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(sw)) {
            g.writeStartObject();
            g.writeStringField("from", Times.format(t.from(), t.zone()));
            g.writeStringField("to", Times.format(t.to(), t.zone()));
            g.writeStringField("zone", t.zone().getId());
            g.writeArrayFieldStart("processes");
            for (Timeline.Row row : t.rows()) {
                g.writeStartObject();
                g.writeStringField("id", row.id());
                g.writeArrayFieldStart("intervals");
                for (Timeline.Interval i : row.intervals()) {
                    g.writeStartObject();
                    g.writeStringField("start", Times.format(i.start(), t.zone()));
                    g.writeStringField("end", Times.format(i.end(), t.zone()));
                    g.writeStringField("version", i.version());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.append('\n').toString();
    }
}
