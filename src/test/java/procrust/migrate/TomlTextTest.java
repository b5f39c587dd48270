package procrust.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

/** What TomlText writes, tomlj reads back as the same value. */
class TomlTextTest {

    static TomlParseResult parse(String toml) {
        TomlParseResult r = Toml.parse(toml);
        assertFalse(r.hasErrors(), () -> r.errors() + " in\n" + toml);
        return r;
    }

    @Property(tries = 500)
    void anyStringRoundTrips(@ForAll String s) {
        assertEquals(s, parse("a = " + TomlText.string(s)).getString("a"));
        assertEquals(s, parse("a = " + TomlText.command(s)).getString("a"));
        Map<String, String> m = new LinkedHashMap<>();
        m.put(s, s);
        assertEquals(s, parse("a = " + TomlText.inlineTable(m)).getTable("a").getString(List.of(s)));
    }

    @Test
    void trickyStrings() {
        for (String s : List.of("", "\"", "\\", "'''", "a'", "x\n'", "line1\nline2\n", "tab\there", "\u0000\u001f\u007f",
                "é ∑ 😀", "\r\n", "''", "a\\nb", "$(x) `y` %s")) {
            assertEquals(s, parse("a = " + TomlText.string(s)).getString("a"), s);
            assertEquals(s, parse("a = " + TomlText.command(s)).getString("a"), s);
        }
        assertEquals("'''\nx\ny'''", TomlText.command("x\ny"), "a multi-line command is written literally");
    }
}
