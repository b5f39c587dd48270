package procrust.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import procrust.config.ProcessSpec;
import procrust.config.ProcessType;
import procrust.config.RestartPolicy.Policy;

class SupervisordImportTest {

    @TempDir
    Path tmp;

    static final Map<String, String> ENV = Map.of("WEB_PORT", "8099", "REDIS_PORT", "6399");

    Imported realistic() throws Exception {
        return Imported.of(Importer.Format.supervisord, Imported.fixture("supervisord/supervisord.conf"), ENV, tmp);
    }

    @Test
    void programsComeInPriorityOrderWithTheirIncludesAndProcessCopies() throws Exception {
        Imported i = realistic();
        assertEquals(List.of("redis", "web", "consumer", "worker_00", "worker_01", "cron-like"),
                i.config.processes().stream().map(ProcessSpec::id).toList(), i.text);
    }

    @Test
    void eachKeyLandsWhereItMaps() throws Exception {
        Imported i = realistic();
        Path here = Imported.fixture("supervisord/supervisord.conf").getParent();
        ProcessSpec web = i.process("web");
        assertEquals("exec python3 -m http.server 8099 --bind 127.0.0.1", web.command(), "ENV_ and exec");
        assertEquals(here.toString(), web.workingDir(), "%(here)s");
        assertEquals("app", web.group(), "[group:app]");
        assertEquals(Map.of("APP_ENV", "production", "LANG", "C.UTF-8", "PYTHONUNBUFFERED", "1",
                "GREETING", "hello, world"), web.env(), "[supervisord] environment, then the program's (continued line)");
        assertEquals(Policy.ALWAYS, web.restart().policy());
        assertEquals(6, web.restart().maxAttempts(), "startretries=5: the first try and 5 more");
        assertEquals(Duration.ofSeconds(5), web.stopTimeout());
        assertEquals("sleep 3", web.healthCheck().command(), "startsecs=3: RUNNING once up 3 s");

        ProcessSpec worker = i.process("worker_01");
        assertEquals("exec sh -c 'while :; do echo \"worker 1 of 2\"; sleep 5; done'", worker.command(),
                "%(process_num)d and %(numprocs)d");
        assertEquals("jobs,high", worker.env().get("QUEUE"), "a quoted comma, then an in-line comment");
        assertEquals(Policy.ON_FAILURE, worker.restart().policy(), "autorestart=unexpected");

        ProcessSpec consumer = i.process("consumer");
        assertEquals("exec /bin/sleep 3600", consumer.command(), "# after a space starts a comment");
        assertEquals(Policy.NEVER, consumer.restart().policy());
        assertNull(consumer.group());

        ProcessSpec cron = i.process("cron-like");
        assertEquals(ProcessType.FAKE, cron.type(), "autostart=false");
        assertEquals("exec /bin/sh -c \"echo tick at $(date +%s); sleep 60\"", cron.command(), "%% is a percent sign");
    }

    @Test
    void whatDoesNotCarryOverIsOneCommentPerSetting() throws Exception {
        Imported i = realistic();
        List<String> settings = i.draft.notes().stream().map(Draft.Note::setting).toList();
        for (String s : List.of("exitcodes = 0,2", "stopsignal = INT", "user = nobody", "umask = 002",
                "stdout_events_enabled = true", "stdout_logfile = /var/log/app/web.log", "[unix_http_server]",
                "[supervisorctl]", "[rpcinterface:supervisor]", "priority")) {
            assertTrue(settings.contains(s), s + " is noted: " + settings);
        }
        assertFalse(settings.contains("stopsignal = TERM"), "TERM is procrust's own stop signal");
        assertEquals(i.draft.notes().size(), i.comments(), i.text);
    }

    @Test
    void anUnknownExpansionStaysAndIsNoted() throws Exception {
        Path f = Files.writeString(tmp.resolve("s.conf"), "[program:a]\ncommand=run --port %(ENV_NOPE)s\n");
        Imported i = Imported.of(Importer.Format.supervisord, f, Map.of(), tmp);
        assertEquals("exec run --port %(ENV_NOPE)s", i.process("a").command());
        assertTrue(i.text.contains("# procrust import: [program:a] command: %(ENV_NOPE)s is not known here"), i.text);
    }

    @Test
    void aNameThatIsNoIdIsMadeOneAndNoted() throws Exception {
        Path f = Files.writeString(tmp.resolve("s.conf"), "[program:web/api]\ncommand=true\n[program:_x]\ncommand=true\n");
        Imported i = Imported.of(Importer.Format.supervisord, f, Map.of(), tmp);
        assertEquals(List.of("web_api", "p_x"), i.config.processes().stream().map(ProcessSpec::id).toList());
        assertEquals(2, i.comments(), i.text);
    }

    @Test
    void unreadableAndMalformedInputNameTheFile() throws Exception {
        ImportFailure missing = assertThrows(ImportFailure.class,
                () -> Importer.read(Importer.Format.supervisord, tmp.resolve("nope.conf"), Map.of()));
        assertTrue(missing.getMessage().contains("nope.conf: no such file"), missing.getMessage());
        Path bad = Files.writeString(tmp.resolve("bad.conf"), "[program:a]\ncommand=x\nthis line has no equals sign [\n[unclosed\n");
        ImportFailure malformed = assertThrows(ImportFailure.class, () -> Importer.read(Importer.Format.supervisord, bad, Map.of()));
        assertTrue(malformed.getMessage().contains("bad.conf") && malformed.getMessage().contains("line"), malformed.getMessage());
        ImportFailure dir = assertThrows(ImportFailure.class, () -> Importer.read(Importer.Format.supervisord, tmp, Map.of()));
        assertTrue(dir.getMessage().contains("directory"), dir.getMessage());
    }

    @Test
    void configparserLinesCutInlineCommentsAndJoinContinuations() {
        String in = "[a]\nx = 1 ; one\nurl = http://h/#frag\nfiles = a.conf\n    b.conf ; two\n\n; whole line\ny=2\n";
        assertEquals("[a]\nx = 1\nurl = http://h/#frag\nfiles = a.conf b.conf\n\n\n\ny=2\n",
                SupervisordIni.configparserLines(in));
    }

    @Test
    void percentExpansionFollowsPythonFormatting() {
        Map<String, String> n = Map.of("program_name", "w", "process_num", "7");
        assertEquals("w_07 w 100% %(x)s", PercentExpansion.expand("%(program_name)s_%(process_num)02d %(program_name)s 100%% %(x)s", n).text());
        assertEquals("x", PercentExpansion.expand("%(program_name)s_%(process_num)02d %(x)s", n).unknown());
        assertEquals("[ 7][7 ]", PercentExpansion.expand("[%(process_num)2d][%(process_num)-2d]", n).text());
    }

    @Test
    void environmentPairsKeepQuotedCommas() {
        assertEquals(Map.of("A", "1", "B", "x, y", "C", "it's", "D", ""),
                SupervisordValues.keyValuePairs("A=1, B=\"x, y\",C=\"it's\",D="));
        assertThrows(IllegalArgumentException.class, () -> SupervisordValues.keyValuePairs("A=1,B"));
        assertEquals("50MiB", SupervisordValues.size("50MB"));
        assertNull(SupervisordValues.size("0"));
    }
}
