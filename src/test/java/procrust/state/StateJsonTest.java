package procrust.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import procrust.config.Fingerprint;
import procrust.plan.InstanceState;

/**
 * The hand-written state.json codec (jackson-core streaming) against the text the earlier
 * jackson-databind mapper wrote: the golden strings below were produced by that mapper
 * ({@code ObjectMapper} with INDENT_OUTPUT) for {@link #FIXTURE} before the codec replaced it.
 */
class StateJsonTest {

    static final String UID = "550e8400-e29b-41d4-a716-446655440000";

    @TempDir
    Path tmp;

    static final InstanceRecord FULL = new InstanceRecord("web", "2024-10-01T12:00:00", "normal",
            InstanceState.STOPPING, 1234L, 987654321012L, "6f1c9a3e-1111-2222-3333-444455556666",
            Instant.parse("2025-01-01T10:00:00Z"), Instant.parse("2025-01-01T10:00:01.123456789Z"), 7, 3,
            Instant.parse("2025-01-01T10:05:00.5Z"), Instant.parse("2025-01-01T08:00:00Z"),
            Instant.parse("2025-01-01T10:00:02Z"), Fingerprint.fromFields(Map.of("command", "echo \"hi\" \\ /tmp\n\tdone \u00e9\u0001 \ud83d\ude00")),
            -9, "a note with \"quotes\"", InstanceState.STOPPED);
    static final InstanceRecord NULLS = new InstanceRecord("job", "v2", null, InstanceState.WAITING, null, null, null,
            null, null, 0, 0, null, null, null, null, null, null, null);
    static final StateFile FIXTURE = new StateFile(1, UID, List.of(FULL, NULLS), List.of("db", "web"));

    /** Written by the databind mapper for {@link #FIXTURE}. */
    static final String GOLDEN = """
            {
              "format" : 1,
              "uid" : "550e8400-e29b-41d4-a716-446655440000",
              "instances" : [ {
                "id" : "web",
                "version" : "2024-10-01T12:00:00",
                "type" : "normal",
                "state" : "STOPPING",
                "pid" : 1234,
                "startTicks" : 987654321012,
                "bootId" : "6f1c9a3e-1111-2222-3333-444455556666",
                "startedAt" : "2025-01-01T10:00:00Z",
                "since" : "2025-01-01T10:00:01.123456789Z",
                "restarts" : 7,
                "consecutiveFailures" : 3,
                "backoffUntil" : "2025-01-01T10:05:00.500Z",
                "completedWindow" : "2025-01-01T08:00:00Z",
                "runningSince" : "2025-01-01T10:00:02Z",
                "fingerprint" : {
                  "command" : "echo \\"hi\\" \\\\ /tmp\\n\\tdone é\\u0001 \\uD83D\\uDE00"
                },
                "lastExit" : -9,
                "note" : "a note with \\"quotes\\"",
                "afterStop" : "STOPPED"
              }, {
                "id" : "job",
                "version" : "v2",
                "type" : null,
                "state" : "WAITING",
                "pid" : null,
                "startTicks" : null,
                "bootId" : null,
                "startedAt" : null,
                "since" : null,
                "restarts" : 0,
                "consecutiveFailures" : 0,
                "backoffUntil" : null,
                "completedWindow" : null,
                "runningSince" : null,
                "fingerprint" : { },
                "lastExit" : null,
                "note" : null,
                "afterStop" : null
              } ],
              "holds" : [ "db", "web" ]
            }""";

    /** Written by the databind mapper for {@link #FULL} with a three-key fingerprint (in the map's order). */
    static final String GOLDEN_MULTI = """
            {
              "format" : 1,
              "uid" : "550e8400-e29b-41d4-a716-446655440000",
              "instances" : [ {
                "id" : "web",
                "version" : "2024-10-01T12:00:00",
                "type" : "normal",
                "state" : "STOPPING",
                "pid" : 1234,
                "startTicks" : 987654321012,
                "bootId" : "6f1c9a3e-1111-2222-3333-444455556666",
                "startedAt" : "2025-01-01T10:00:00Z",
                "since" : "2025-01-01T10:00:01.123456789Z",
                "restarts" : 7,
                "consecutiveFailures" : 3,
                "backoffUntil" : "2025-01-01T10:05:00.500Z",
                "completedWindow" : "2025-01-01T08:00:00Z",
                "runningSince" : "2025-01-01T10:00:02Z",
                "fingerprint" : {
                  "command" : "sleep 1",
                  "stop_timeout" : "PT10S",
                  "env" : "{}"
                },
                "lastExit" : -9,
                "note" : "a note with \\"quotes\\"",
                "afterStop" : "STOPPED"
              } ],
              "holds" : [ ]
            }""";

    static final String GOLDEN_EMPTY = """
            {
              "format" : 1,
              "uid" : "550e8400-e29b-41d4-a716-446655440000",
              "instances" : [ ],
              "holds" : [ ]
            }""";

    static final String GOLDEN_REQUEST = """
            {
              "op" : "hold",
              "ids" : [ "web", "db" ]
            }""";

    private static String text(StateFile s) throws IOException {
        return new String(StateJson.write(s), StandardCharsets.UTF_8);
    }

    private static StateFile read(String json) throws IOException {
        return StateJson.readState(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void writesByteForByteWhatDatabindWrote() throws IOException {
        assertEquals(GOLDEN, text(FIXTURE));
        assertEquals(GOLDEN_EMPTY, text(StateFile.empty(UID)));
        assertEquals(GOLDEN_REQUEST, new String(StateJson.write(new Requests.Request("hold", List.of("web", "db"))),
                StandardCharsets.UTF_8));
    }

    @Test
    void readsWhatDatabindWrote() throws IOException {
        assertEquals(FIXTURE, read(GOLDEN));
        assertEquals(StateFile.empty(UID), read(GOLDEN_EMPTY));
        StateFile multi = read(GOLDEN_MULTI);
        assertEquals(Map.of("command", "sleep 1", "stop_timeout", "PT10S", "env", "{}"),
                multi.instances().get(0).fingerprint().fields());
    }

    @Test
    void theTypedPartsOfAFingerprintAreReadBackFromItsFields() throws IOException {
        StateFile multi = read(GOLDEN_MULTI);
        assertEquals(java.time.Duration.ofSeconds(10), multi.instances().get(0).fingerprint().stopTimeout());
        assertEquals(List.of(), multi.instances().get(0).fingerprint().dependsOn());
        Fingerprint f = Fingerprint.fromFields(Map.of("depends_on", "[db, cache]", "stop_timeout", "PT1.5S"));
        assertEquals(List.of("db", "cache"), f.dependsOn());
        assertEquals(java.time.Duration.ofMillis(1500), f.stopTimeout());
        assertEquals(null, Fingerprint.fromFields(Map.of("stop_timeout", "soon")).stopTimeout());
        StateFile s = StateFile.empty(UID).put(FULL.toBuilder().fingerprint(Fingerprint.fromFields(f.fields())).build());
        assertEquals(List.of("db", "cache"), read(text(s)).instances().get(0).fingerprint().dependsOn());
    }

    @Test
    void fingerprintKeysAreWrittenSorted() throws IOException {
        StateFile multi = read(GOLDEN_MULTI);
        String expected = GOLDEN_MULTI.replace(
                "\"command\" : \"sleep 1\",\n      \"stop_timeout\" : \"PT10S\",\n      \"env\" : \"{}\"\n",
                "\"command\" : \"sleep 1\",\n      \"env\" : \"{}\",\n      \"stop_timeout\" : \"PT10S\"\n");
        assertTrue(!expected.equals(GOLDEN_MULTI), "the replacement applies");
        assertEquals(expected, text(multi));
    }

    @Test
    void roundTripsWhatTheLivenessCheckFound() throws IOException {
        InstanceRecord failing = FULL.toBuilder().state(InstanceState.RUNNING, Instant.parse("2025-01-01T10:00:00Z"))
                .health(new HealthRecord(2, "HTTP 503", Instant.parse("2025-01-01T10:01:00Z"))).build();
        InstanceRecord never = NULLS.toBuilder().health(new HealthRecord(1, "connection refused", null)).build();
        StateFile s = new StateFile(1, UID, List.of(failing, never), List.of());
        String json = text(s);
        assertTrue(json.contains("\"health\" : {\n      \"failures\" : 2,\n      \"lastError\" : \"HTTP 503\",\n"
                + "      \"lastOk\" : \"2025-01-01T10:01:00Z\"\n    }"), json);
        assertEquals(s, read(json));
        assertEquals(null, read(text(FIXTURE)).instances().get(0).health(), "absent: nothing found yet");
    }

    @Test
    void roundTripsAFullRecordAndOneWithEveryNullableFieldNull() throws IOException {
        for (InstanceRecord r : List.of(FULL, NULLS, InstanceRecord.fresh("a", "v", "oneshot", Instant.EPOCH))) {
            StateFile s = StateFile.empty(UID).put(r);
            assertEquals(s, read(text(s)));
        }
        assertEquals(FIXTURE, read(text(FIXTURE)));
    }

    @Test
    void theLogFolderApplyUsesRoundTripsAndIsAbsentWhenNotRecorded() throws IOException {
        StateFile s = FIXTURE.withLogDir("/var/log/procrust/x");
        assertTrue(text(s).contains("\"log_dir\" : \"/var/log/procrust/x\""), text(s));
        assertEquals(s, read(text(s)));
        assertEquals("/var/log/procrust/x", s.put(NULLS).withHolds(List.of()).remove("a", "v").logDir());
        assertFalse(text(FIXTURE).contains("log_dir"));
    }

    @Test
    void unknownKeysAreIgnoredAndAbsentNullableKeysAreNull() throws IOException {
        String json = "{\"future\": {\"a\": [1, {\"b\": null}]}, \"format\": 1, \"uid\": \"" + UID + "\","
                + " \"instances\": [{\"id\": \"a\", \"version\": \"v\", \"state\": \"RUNNING\", \"restarts\": 2,"
                + " \"consecutiveFailures\": 1, \"cgroup\": \"/x\", \"limits\": [1, 2]}], \"extra\": [[]]}";
        StateFile s = read(json);
        InstanceRecord r = s.instances().get(0);
        assertEquals(new InstanceRecord("a", "v", null, InstanceState.RUNNING, null, null, null, null, null, 2, 1,
                null, null, null, Fingerprint.NONE, null, null, null), r);
        assertEquals(List.of(), s.holds());
        assertEquals(StateFile.empty(UID), read("{\"format\":1,\"uid\":\"" + UID + "\",\"instances\":null,\"holds\":null}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  \n ", "null", " null "})
    void noValueOrNullIsEmpty(String json) throws IOException {
        assertNull(read(json));
    }

    static final String HEAD = "{\"format\":1,\"uid\":\"" + UID + "\"";
    static final String REC = HEAD + ",\"instances\":[{\"id\":\"a\",\"version\":\"v\",\"state\":\"RUNNING\","
            + "\"restarts\":0,\"consecutiveFailures\":0";

    @ParameterizedTest
    @ValueSource(strings = {
        // null or missing for an int (a Java primitive)
        "{\"format\":null,\"uid\":\"u\"}",
        "{\"uid\":\"u\"}",
        REC + ",\"restarts\":null}]}",
        HEAD + ",\"instances\":[{\"id\":\"a\",\"version\":\"v\",\"state\":\"RUNNING\",\"restarts\":0}]}",
        // trailing tokens
        HEAD + "} {}",
        HEAD + "} 1",
        HEAD + "} x",
        "null null",
        // bad instant, bad enum
        REC + ",\"since\":\"yesterday\"}]}",
        REC + ",\"since\":\"2025-01-01 10:00:00\"}]}",
        REC + ",\"state\":\"SLEEPING\"}]}",
        REC + ",\"afterStop\":\"running\"}]}",
        // wrong JSON types
        "[]",
        "1",
        "\"x\"",
        HEAD + ",\"instances\":[[]]}",
        HEAD + ",\"instances\":{}}",
        HEAD + ",\"instances\":[null]}",
        HEAD + ",\"holds\":[null]}",
        HEAD + ",\"holds\":\"db\"}",
        "{\"format\":\"1\",\"uid\":\"u\"}",
        "{\"format\":1.0,\"uid\":\"u\"}",
        "{\"format\":1,\"uid\":5}",
        REC + ",\"pid\":\"12\"}]}",
        REC + ",\"pid\":1.5}]}",
        REC + ",\"pid\":99999999999999999999}]}",
        REC + ",\"lastExit\":3000000000}]}",
        REC + ",\"since\":5}]}",
        REC + ",\"state\":1}]}",
        REC + ",\"fingerprint\":[]}]}",
        REC + ",\"fingerprint\":{\"a\":null}}]}",
        REC + ",\"fingerprint\":{\"a\":1}}]}",
        // missing or null id, version, state, uid (the constructors' own checks)
        HEAD + ",\"instances\":[{\"version\":\"v\",\"state\":\"RUNNING\",\"restarts\":0,\"consecutiveFailures\":0}]}",
        HEAD + ",\"instances\":[{\"id\":null,\"version\":\"v\",\"state\":\"RUNNING\",\"restarts\":0,\"consecutiveFailures\":0}]}",
        HEAD + ",\"instances\":[{\"id\":\"a\",\"state\":\"RUNNING\",\"restarts\":0,\"consecutiveFailures\":0}]}",
        HEAD + ",\"instances\":[{\"id\":\"a\",\"version\":\"v\",\"restarts\":0,\"consecutiveFailures\":0}]}",
        "{\"format\":1}",
        "{\"format\":1,\"uid\":null}",
        // not JSON, or cut short
        "{\"format\":1,",
        HEAD + ",\"instances\":[",
        "{format:1}",
    })
    void malformedIsAnIOExceptionSayingWhere(String json) {
        IOException e = assertThrows(IOException.class, () -> read(json));
        assertTrue(e.getMessage() != null && e.getMessage().contains("line "), e.getMessage());
    }

    @Test
    void messagesNameTheKeyAndTheProblem() {
        assertEquals("/instances/0/since (line 1, column 158): \"yesterday\" is not an ISO-8601 instant"
                + " (like 2025-01-01T10:00:00Z)",
                assertThrows(IOException.class, () -> read(REC + ",\"since\":\"yesterday\"}]}")).getMessage());
        assertTrue(assertThrows(IOException.class, () -> read(REC + ",\"state\":\"SLEEPING\"}]}")).getMessage()
                .contains("/instances/0/state (line 1, column 158): \"SLEEPING\" is not one of [WAITING,"));
        assertEquals("/instances/0 (line 1, column 71): \"id\" is missing or null", assertThrows(IOException.class,
                () -> read(HEAD + ",\"instances\":[{\"version\":\"v\",\"state\":\"RUNNING\"}]}")).getMessage());
        assertEquals("/format (line 1, column 11): null where an integer is required",
                assertThrows(IOException.class, () -> read("{\"format\":null,\"uid\":\"u\"}")).getMessage());
        assertEquals("the state object (line 1, column 1): \"format\" is missing or null",
                assertThrows(IOException.class, () -> read("{\"uid\":\"u\"}")).getMessage());
        assertEquals("/instances/0 (line 1, column 71): expected an object, found an array",
                assertThrows(IOException.class, () -> read(HEAD + ",\"instances\":[[]]}")).getMessage());
        assertEquals("(line 1, column 59): more content (an object) after the state object",
                assertThrows(IOException.class, () -> read(HEAD + "} {}")).getMessage());
    }

    @Test
    void aMalformedFileIsReportedByTheStoreNotThrown() throws IOException {
        Path dir = tmp.resolve(UID);
        StateStore store = new StateStore(dir, UID, java.time.Clock.systemUTC());
        StateStore.ensureDir(dir);
        Files.writeString(store.file(), HEAD + ",\"instances\":[{\"version\":\"v\",\"state\":\"RUNNING\"}]}");
        StateStore.Loaded l = store.load(false);
        assertEquals(StateFile.empty(UID), l.state());
        assertTrue(l.problem().contains("it is not a valid state file (/instances/0 (line 1, column 71): \"id\" is missing"),
                l.problem());
        Files.writeString(store.file(), "");
        assertTrue(store.load(false).problem().endsWith("it is empty"), store.load(false).problem());
        Files.writeString(store.file(), "null");
        assertTrue(store.load(false).problem().endsWith("it is empty"), store.load(false).problem());
    }

    @Test
    void requestsReadTheirTwoKeysAndRefuseEverythingElse() throws IOException {
        assertEquals(new Requests.Request("release", List.of("a", "b")),
                StateJson.readRequest("{\"x\": [1], \"op\": \"release\", \"ids\": [\"a\", \"b\"]}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(new Requests.Request("hold", List.of("web", "db")),
                StateJson.readRequest(GOLDEN_REQUEST.getBytes(StandardCharsets.UTF_8)));
        for (String bad : List.of("", "null", "[]", "{}", "{\"op\": \"hold\"}", "{\"ids\": []}",
                "{\"op\": 1, \"ids\": []}", "{\"op\": \"hold\", \"ids\": {}}", "{\"op\": \"hold\", \"ids\": [1]}",
                "{\"op\": \"hold\", \"ids\": [null]}", "{\"op\": \"hold\", \"ids\": [[\"a\"]]}")) {
            IOException e = assertThrows(IOException.class,
                    () -> StateJson.readRequest(bad.getBytes(StandardCharsets.UTF_8)), bad);
            assertTrue(e.getMessage().startsWith("not a request: expected {\"op\""), bad + ": " + e.getMessage());
        }
        for (String bad : List.of("{\"op\": \"hold\", \"ids\": []} {}", "{\"op\": \"hold\", \"ids\": [", "{op: 1}")) {
            assertThrows(IOException.class, () -> StateJson.readRequest(bad.getBytes(StandardCharsets.UTF_8)), bad);
        }
    }

    // --- random records round-trip -------------------------------------------------------------

    record Who(String id, String version, String type, InstanceState state, InstanceState afterStop, String note,
               String bootId, Map<String, String> fingerprint) {
    }

    record Numbers(Long pid, Long startTicks, int restarts, int failures, Integer lastExit) {
    }

    record Times(Instant startedAt, Instant since, Instant backoffUntil, Instant completedWindow,
                 Instant runningSince) {
    }

    /** Any text a record may hold: every UTF-16 char but lone surrogates, plus supplementary characters. */
    static Arbitrary<String> text() {
        Arbitrary<String> bmp = Arbitraries.strings().withCharRange('\u0000', '\ud7ff')
                .withCharRange('\ue000', '\uffff').ofMaxLength(12);
        return Arbitraries.oneOf(bmp, Arbitraries.of("", "\ud83d\ude00", "\"\\/\n\t\u0000", "\u00e9\u2028"),
                bmp.list().ofMaxSize(3).map(l -> String.join("\ud83d\ude00", l)));
    }

    static Arbitrary<Instant> instants() {
        return Combinators.combine(
                Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()),
                Arbitraries.integers().between(0, 999_999_999)).as(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<List<InstanceRecord>> records() {
        return record().list().ofMaxSize(4);
    }

    static Arbitrary<InstanceRecord> record() {
        Arbitrary<InstanceState> states = Arbitraries.of(InstanceState.class);
        Arbitrary<Who> who = Combinators.combine(text(), text(), text().injectNull(0.3), states,
                states.injectNull(0.5), text().injectNull(0.3), text().injectNull(0.3),
                Arbitraries.maps(text(), text()).ofMaxSize(4).injectNull(0.2)).as(Who::new);
        Arbitrary<Numbers> numbers = Combinators.combine(Arbitraries.longs().injectNull(0.3),
                Arbitraries.longs().injectNull(0.3), Arbitraries.integers(), Arbitraries.integers(),
                Arbitraries.integers().injectNull(0.3)).as(Numbers::new);
        Arbitrary<Instant> at = instants().injectNull(0.3);
        Arbitrary<Times> times = Combinators.combine(at, at, at, at, at).as(Times::new);
        return Combinators.combine(who, numbers, times).as((w, n, t) -> new InstanceRecord(w.id(), w.version(),
                w.type(), w.state(), n.pid(), n.startTicks(), w.bootId(), t.startedAt(), t.since(), n.restarts(),
                n.failures(), t.backoffUntil(), t.completedWindow(), t.runningSince(), Fingerprint.fromFields(w.fingerprint()), n.lastExit(),
                w.note(), w.afterStop()));
    }

    @Property(tries = 300)
    void randomRecordsRoundTrip(@ForAll("records") List<InstanceRecord> records,
                                @ForAll("holds") List<String> holds) throws IOException {
        StateFile s = new StateFile(StateFile.FORMAT, UID, records, holds);
        assertEquals(s, read(text(s)));
    }

    @Provide
    Arbitrary<List<String>> holds() {
        return text().list().ofMaxSize(4);
    }
}
