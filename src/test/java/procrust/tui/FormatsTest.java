package procrust.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void durationsAreShort() {
        assertEquals("0s", Formats.duration(Duration.ofMillis(-5)));
        assertEquals("45s", Formats.duration(Duration.ofSeconds(45)));
        assertEquals("3m05s", Formats.duration(Duration.ofSeconds(185)));
        assertEquals("2h03m", Formats.duration(Duration.ofMinutes(123)));
        assertEquals("4d02h", Formats.duration(Duration.ofHours(98)));
        assertEquals("-", Formats.uptime(null, Instant.EPOCH));
    }

    @Test
    void settingsKeepTheirMilliseconds() {
        assertEquals("500ms", Formats.setting(Duration.ofMillis(500)));
        assertEquals("1.5s", Formats.setting(Duration.ofMillis(1500)));
        assertEquals("30s", Formats.setting(Duration.ofSeconds(30)));
        assertEquals("2m00s", Formats.setting(Duration.ofMinutes(2)));
    }

    @Test
    void instantsReadFromNowInTheFilesZone() {
        ZoneId madrid = ZoneId.of("Europe/Madrid");
        Instant now = Instant.parse("2025-03-03T10:00:00Z"); // Monday 11:00 in Madrid
        assertEquals("19:00:00", Formats.when(Instant.parse("2025-03-03T18:00:00Z"), now, madrid));
        assertEquals("Wed 08:00", Formats.when(Instant.parse("2025-03-05T07:00:00Z"), now, madrid));
        assertEquals("2025-03-10 08:00", Formats.when(Instant.parse("2025-03-10T07:00:00Z"), now, madrid));
        assertEquals("11:00:00", Formats.clock(now, madrid));
    }

    @Test
    void textFromLogsCannotDriveTheTerminal() {
        assertEquals("red text", Formats.printable("\u001b[31mred\u001b[0m text"));
        assertEquals("before after", Formats.printable("before \u001b]0;new title\u0007after"));
        assertEquals("x y", Formats.printable("x \u001b]2;t\u001b\\y"));
        assertEquals("a\\rb\\u0008c", Formats.printable("a\rb\u0008c"));
        assertEquals("abc\\u202Edef", Formats.printable("abc\u202edef"));
        assertEquals("col1    col2", Formats.printable("col1\tcol2"));
        assertEquals("cut", Formats.printable("cut\u001b["));
        assertEquals("naïve ✓", Formats.printable("naïve ✓"));
        assertEquals("\\u009B", Formats.printable("\u009b"));
    }
}
