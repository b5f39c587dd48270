package procrust.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static procrust.validate.Fixture.process;
import static procrust.validate.Fixture.valid;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import procrust.config.Config;
import procrust.config.ProcessSpec;
import procrust.config.RunAs;
import procrust.config.SourcePos;

/** user, group, umask, env_file, stop_signal, limits: forms, defaults and the top-level defaults. */
class RunAsFormsTest {

    @Test
    void defaultsRunAsProcrustItself() {
        ProcessSpec p = valid(process("p")).processes().get(0);
        assertEquals(RunAs.DEFAULT, p.runAs());
        assertEquals("0022", p.runAs().umask());
        assertEquals("TERM", p.runAs().stopSignal());
        assertFalse(p.runAs().switchesIdentity());
        assertFalse(p.fingerprint().fields().containsKey("user"), "defaults add nothing to the fingerprint");
    }

    @Test
    void everyFormOfAnEntry() {
        ProcessSpec p = valid(process("p", "user = 65534", "group = \"nogroup\"", "umask = \"027\"",
                "stop_signal = \"SIGINT\"", "limits = { nofile = 4096, core = \"unlimited\" }",
                "env_file = \"/etc/passwd\"")).processes().get(0);
        RunAs r = p.runAs();
        assertEquals("65534", r.user());
        assertEquals("nogroup", r.group());
        assertEquals("0027", r.umask());
        assertEquals("INT", r.stopSignal());
        assertEquals(Map.of("nofile", 4096L, "core", RunAs.UNLIMITED), r.limits());
        assertEquals(List.of("/etc/passwd"), r.envFiles());
        assertTrue(r.switchesIdentity());
        assertEquals(new SourcePos(7, 1), p.posOf("user"));
        assertEquals("[/etc/passwd]", p.fingerprint().fields().get("env_file"), "only the file names are fingerprinted");
    }

    @Test
    void topLevelDefaultsMergeKeyByKeyAndLimitsPerResource() {
        Config c = valid("user = \"nobody\"\ngroup = \"65534\"\numask = \"0077\"\nenv_file = [\"/etc/passwd\"]\n"
                + "limits = { nofile = 1024, nproc = 64 }\n"
                + process("inherits")
                + process("own", "user = \"root\"", "limits = { nofile = 2048 }", "env_file = []"));
        RunAs inherits = c.processes().get(0).runAs();
        assertEquals("nobody", inherits.user());
        assertEquals("65534", inherits.group());
        assertEquals("0077", inherits.umask());
        assertEquals(List.of("/etc/passwd"), inherits.envFiles());
        assertEquals(Map.of("nofile", 1024L, "nproc", 64L), inherits.limits());
        RunAs own = c.processes().get(1).runAs();
        assertEquals("root", own.user());
        assertNull(own.group(), "an entry naming its user runs with that user's primary group, not the file's");
        assertEquals(List.of(), own.envFiles(), "an entry's env_file replaces the file's");
        assertEquals(Map.of("nofile", 2048L, "nproc", 64L), own.limits());
    }

    @Test
    void relativeEnvFilesAreFromTheFilesFolder() {
        Config c = valid(process("p", "env_file = \"/etc/../etc/passwd\""));
        assertEquals(List.of("/etc/passwd"), c.processes().get(0).runAs().envFiles());
    }
}
