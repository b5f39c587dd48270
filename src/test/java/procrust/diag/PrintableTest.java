package procrust.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class PrintableTest {

    @Test
    void plainTextIsKeptAsItIs() {
        String s = "example_process 2: caf\u00e9, w\u0435b (Cyrillic e), \uD83D\uDE00, \\n stays";
        assertSame(s, Printable.of(s));
    }

    @Test
    void breaksControlsAndReorderingCharactersAreEscaped() {
        assertEquals("a\\nb\\r\\tc", Printable.of("a\nb\r\tc"));
        assertEquals("\\u001B[2J\\u0000\\u007F\\u0085\\u009B", Printable.of("\u001b[2J\u0000\u007f\u0085\u009b"));
        assertEquals("x\\u2028y\\u2029z\\u202Eevil\\u2066", Printable.of("x\u2028y\u2029z\u202eevil\u2066"));
        assertEquals("lone \\uD800 and \\uDC00", Printable.of("lone \uD800 and \uDC00"));
    }

    @Test
    void diagnosticsHoldOnlyPrintableText() {
        Diagnostic d = Diagnostic.error(Code.INVALID_VALUE, "got \"a\nb\"", "f\n.toml", 1, 1, "a\nb", "env.A\rB");
        assertEquals("got \"a\\nb\"", d.message());
        assertEquals("f\\n.toml", d.file());
        assertEquals("a\\nb", d.process());
        assertEquals("env.A\\rB", d.field());
        assertEquals(null, Diagnostic.warning(Code.SHADOWED_VERSION, "m", null, 0, 0, null, null).process());
    }
}
