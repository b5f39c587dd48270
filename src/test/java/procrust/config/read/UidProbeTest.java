package procrust.config.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The uid of a broken file, where it parses that far. */
class UidProbeTest {

    static final String UID = "550e8400-e29b-41d4-a716-446655440000";

    @Test
    void aSemanticProblemLeavesTheUid() {
        assertEquals(Optional.of(UID), UidProbe.ofText("uid = \"" + UID + "\"\n[[process]]\nid = \"../x\"\ncomand = 1\n"));
    }

    @Test
    void aSyntaxErrorAfterTheUidLeavesIt() {
        assertEquals(Optional.of(UID), UidProbe.ofText("uid = \"" + UID + "\"\nfile_format = \"0\"\n\n[[process]]\nid = \"a\"\ncommand = \"x\n"));
        assertEquals(Optional.of(UID), UidProbe.ofText("uid = \"" + UID + "\"\n[[process]]\nid = \"a\" = b\n"));
    }

    @Test
    void aBrokenUidLineOrNoUuidGivesNone() {
        // tomlj's parser recovers at the next line: a uid after a broken line is still read
        assertEquals(Optional.of(UID), UidProbe.ofText("x = = 1\nuid = \"" + UID + "\"\n"));
        assertEquals(Optional.empty(), UidProbe.ofText("uid = \"not-a-uuid\"\n"));
        assertEquals(Optional.empty(), UidProbe.ofText("uid = 42\n"));
        assertEquals(Optional.empty(), UidProbe.ofText(""));
    }
}
