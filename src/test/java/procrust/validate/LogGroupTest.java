package procrust.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static procrust.validate.Fixture.expect;
import static procrust.validate.Fixture.process;
import static procrust.validate.Fixture.valid;

import org.junit.jupiter.api.Test;
import procrust.config.Config;
import procrust.diag.Code;
import procrust.diag.Diagnostic;

/** log_group (who may read the logs) and log_keep = 0 (truncate only). */
class LogGroupTest {

    @Test
    void aGroupOfThisHostIsGivenToEveryProcess() {
        Config c = valid("log_group = \"root\"\n" + process("a", "log_keep = 2"));
        assertEquals("root", c.logs().group());
        assertEquals("root", c.processes().get(0).logs().group());
        assertEquals(2, c.processes().get(0).logs().keep());
        assertEquals("0", valid("log_group = \"0\"\n" + process("a")).logs().group());
        assertNull(valid(process("a")).logs().group());
    }

    @Test
    void anUnknownGroupIsAWarningAtItsKey() {
        Diagnostic d = expect("log_group = \"no-such-group-x9\"\n" + process("a"), Code.UNKNOWN_GROUP, 3, 1);
        assertTrue(d.message().contains("does not exist on this host"), d::toString);
    }

    @Test
    void aMalformedGroupIsAnError() {
        expect("log_group = \"a b\"\n" + process("a"), Code.INVALID_VALUE, 3, 1);
    }

    @Test
    void logKeepZeroOnlyTruncates() {
        assertEquals(0, valid("log_keep = 0\n" + process("a")).processes().get(0).logs().keep());
        expect(process("a", "log_keep = -1"), Code.INVALID_VALUE, 7, 1);
    }
}
