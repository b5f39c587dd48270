package procrust.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** procrust.toml(5) names every key of the file's JSON Schema, so the page cannot fall behind the format. */
class ManPageKeysTest {

    @Test
    void everySchemaKeyIsInTheManPage() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(Path.of("schema/procrust.schema.json").toFile());
        String page = Files.readString(Path.of("src/man/procrust.toml.adoc"));
        List<String> keys = new ArrayList<>();
        collect(schema, keys);
        List<String> missing = keys.stream().distinct()
                // a key as *key*::, a table as a section: == [[key]] or == [process.key]
                .filter(k -> !page.contains("*" + k + "*") && !page.contains("[[" + k + "]]")
                        && !page.contains("." + k + "]"))
                .toList();
        assertTrue(missing.isEmpty(), "keys of the schema not in src/man/procrust.toml.adoc: " + missing);
    }

    /** The names under every "properties" object, except the {secs, nanos} of a duration written as a table. */
    private static void collect(JsonNode n, List<String> out) {
        if (n.isObject()) {
            JsonNode props = n.get("properties");
            if (props != null && props.isObject() && !props.has("nanos")) {
                for (Iterator<String> it = props.fieldNames(); it.hasNext(); ) {
                    out.add(it.next());
                }
            }
            n.elements().forEachRemaining(c -> collect(c, out));
        } else if (n.isArray()) {
            n.elements().forEachRemaining(c -> collect(c, out));
        }
    }
}
