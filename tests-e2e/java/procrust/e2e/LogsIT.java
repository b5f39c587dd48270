package procrust.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import procrust.logs.LogRotator;

/** {@code procrust logs ID [-f] [-n N]} against log files laid out as apply lays them out. */
class LogsIT {

    static final String UID = "6f1c2a34-0b7e-4d5a-9c61-2e8f4b3d7a10";

    @TempDir
    Path tmp;

    Path conf;
    Path state;
    Path logs;

    @BeforeEach
    void setUp() throws Exception {
        conf = Files.writeString(tmp.resolve("procrust.toml"), """
                uid = "%s"
                file_format = "0"

                [[process]]
                id = "web"
                command = "sleep 100"
                apply_on = "2024-10-01T12:00:00"

                [[process]]
                id = "example_process 2"
                command = "sleep 100"
                apply_on = "2024-10-01T12:00:00"
                """.formatted(UID));
        state = tmp.resolve("state");
        logs = Files.createDirectories(state.resolve(UID).resolve("logs"));
    }

    static String lines(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
    }

    Procrust.Result logs(String... args) throws Exception {
        List<String> all = new java.util.ArrayList<>(List.of("logs", "-c", conf.toString(), "--state-dir", state.toString()));
        all.addAll(List.of(args));
        return Procrust.run(tmp, Map.of(), Duration.ofSeconds(60), all.toArray(String[]::new));
    }

    @Test
    void lastLinesIncludingThoseJustRotatedAway() throws Exception {
        Path web = logs.resolve("web.log");
        Files.writeString(web, lines(1, 30));
        Procrust.Result r = logs("web");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(lines(21, 30), r.out());

        LogRotator.rotate(web, 5);
        Files.writeString(web, lines(31, 32));
        r = logs("web", "-n", "4");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(lines(29, 32), r.out());
    }

    @Test
    void idsWithSpacesHaveTheirOwnSafeFileName() throws Exception {
        Files.writeString(logs.resolve("example_process%202.log"), "hello\n");
        Procrust.Result r = logs("example_process 2");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("hello\n", r.out());
    }

    @Test
    void aKnownIdWithoutLogPrintsNothingAnUnknownOneExits1() throws Exception {
        Procrust.Result none = logs("web");
        assertEquals(0, none.exit(), none::toString);
        assertEquals("", none.out());

        Procrust.Result unknown = logs("db");
        assertEquals(1, unknown.exit(), unknown::toString);
        assertTrue(unknown.err().contains("unknown process id \"db\""), unknown::toString);
        assertTrue(unknown.err().contains("ids: web, example_process 2"), unknown::toString);

        Files.writeString(logs.resolve("old.log"), "from a removed process\n");
        Procrust.Result removed = logs("old");
        assertEquals(0, removed.exit(), removed::toString);
        assertEquals("from a removed process\n", removed.out());
    }

    @Test
    void anInvalidFileOrBadCountIsRefused() throws Exception {
        Procrust.Result bad = logs("web", "-n", "-3");
        assertEquals(2, bad.exit(), bad::toString);
        Files.writeString(conf, "uid = \"not a uuid\"\n");
        Procrust.Result invalid = logs("web");
        assertEquals(1, invalid.exit(), invalid::toString);
        assertTrue(invalid.err().contains("invalid"), invalid::toString);
        assertTrue(!invalid.err().contains("Exception"), invalid::toString);
    }

    /**
     * {@code logs -f} runs as a real process while lines are appended and the log is rotated the way
     * apply rotates it, some lines still unread at each rotation: every line comes out once, in order.
     */
    @Test
    void followPrintsEveryLineOnceAcrossRotations() throws Exception {
        Path web = logs.resolve("web.log");
        Files.writeString(web, lines(1, 5));
        Path out = tmp.resolve("follow.out");
        ProcessBuilder pb = new ProcessBuilder(Procrust.launcher().toString(), "logs", "-f", "-n", "2",
                "-c", conf.toString(), "--state-dir", state.toString(), "web")
                .directory(tmp.toFile())
                .redirectOutput(out.toFile()).redirectError(tmp.resolve("follow.err").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().remove("PROCRUST_CONFIG");
        pb.environment().remove("PROCRUST_STATE_DIR");
        Process follower = pb.start();
        try {
            awaitOutput(out, lines(4, 5), follower);
            int next = 6;
            for (int round = 0; round < 4; round++) {
                append(web, lines(next, next + 9));
                awaitOutput(out, lines(4, next + 9), follower);
                append(web, lines(next + 10, next + 19)); // not yet read when the rotation comes
                LogRotator.rotate(web, 2);
                append(web, lines(next + 20, next + 24));
                next += 25;
            }
            awaitOutput(out, lines(4, next - 1), follower);
            Thread.sleep(600); // a few more polls: nothing more may come
            assertEquals(lines(4, next - 1), Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            follower.destroy();
            if (!follower.waitFor(30, TimeUnit.SECONDS)) {
                follower.destroyForcibly();
                follower.waitFor();
            }
        }
    }

    static void append(Path f, String s) throws Exception {
        Files.writeString(f, s, StandardOpenOption.APPEND);
    }

    static void awaitOutput(Path out, String expected, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String got = "";
        while (System.nanoTime() < deadline) {
            got = Files.readString(out, StandardCharsets.UTF_8);
            if (got.equals(expected)) {
                return;
            }
            if (!expected.startsWith(got)) {
                break;
            }
            assertTrue(p.isAlive(), "logs -f ended early:\n" + got);
            Thread.sleep(50);
        }
        assertEquals(expected, got, "logs -f printed");
    }
}
