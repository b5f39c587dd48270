package procrust.plan;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static procrust.plan.Fixtures.at;
import static procrust.plan.Fixtures.config;
import static procrust.plan.Fixtures.entry;
import static procrust.plan.Fixtures.instance;
import static procrust.plan.Fixtures.observed;
import static procrust.plan.Fixtures.running;
import static procrust.plan.Fixtures.schedule;
import static procrust.plan.Fixtures.summary;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import procrust.config.Fingerprint;
import procrust.config.Config;

class PlannerTest {

    private static Action only(Plan plan, String id) {
        List<Action> as = plan.actions().stream().filter(a -> a.id().equals(id)).toList();
        assertEquals(1, as.size(), () -> "actions of " + id + ": " + as);
        return as.get(0);
    }

    @Test
    void nothingObservedStartsDependenciesFirstAndKeepsFileOrderForTies() {
        Config c = config(
                entry("web", "2024-10-01T12:00:00").dependsOn("db"),
                entry("worker", "2024-10-01T12:00:00"),
                entry("db", "2024-10-01T12:00:00"));
        Plan plan = Planner.plan(c, Observed.EMPTY, at("2024-10-07T09:00:00"));
        assertEquals(List.of(
                "start worker 2024-10-01T12:00:00",
                "start db 2024-10-01T12:00:00",
                "start web 2024-10-01T12:00:00"), summary(plan));
        assertTrue(only(plan, "web").reason().contains("after db is up"), only(plan, "web").reason());
        assertTrue(plan.hasChanges());
        assertNull(plan.nextChange());
    }

    @Test
    void seedVersionSwitchReplacesTheOldVersionAtItsApplyOn() {
        Config c = config(
                entry("SERVICE_A", "2023-10-01T08:00:00").command("echo a"),
                entry("SERVICE_A", "2025-04-01T08:00:00").command("echo b"));
        ObservedInstance v1 = running(c.processes().get(0), 100, at("2024-01-01T00:00:00"));

        Plan before = Planner.plan(c, observed(v1), at("2025-03-31T23:59:59"));
        assertEquals(List.of("keep SERVICE_A 2023-10-01T08:00:00"), summary(before));
        assertFalse(before.hasChanges());
        assertEquals(at("2025-04-01T08:00:00"), before.nextChange());

        Plan after = Planner.plan(c, observed(v1), at("2025-04-01T08:00:00"));
        assertEquals(List.of("replace SERVICE_A 2025-04-01T08:00:00 from 2023-10-01T08:00:00"), summary(after));
        assertTrue(after.actions().get(0).reason().contains("active since 2025-04-01T08:00:00+02:00"));
    }

    @Test
    void seedFakeRollbackKeepsThePreviousVersion() {
        Config c = config(
                entry("SERVICE_A", "2023-10-01T08:00:00"),
                entry("SERVICE_A", "2025-04-01T08:00:00").fake());
        ObservedInstance v1 = running(c.processes().get(0), 100, at("2024-01-01T00:00:00"));
        Plan plan = Planner.plan(c, observed(v1), at("2025-04-02T00:00:00"));
        assertEquals(List.of("keep SERVICE_A 2023-10-01T08:00:00"), summary(plan));
        assertNull(plan.nextChange());
    }

    @Test
    void rollbackAfterTheSwitchStopsTheFakeVersionAndStartsThePreviousOne() {
        Config c = config(
                entry("SERVICE_A", "2023-10-01T08:00:00"),
                entry("SERVICE_A", "2025-04-01T08:00:00").fake());
        ObservedInstance v2 = instance("SERVICE_A", "2025-04-01T08:00:00", InstanceState.RUNNING, 7L,
                at("2025-04-01T08:00:01"));
        Plan plan = Planner.plan(c, observed(v2), at("2025-04-02T00:00:00"));
        assertEquals(List.of("replace SERVICE_A 2023-10-01T08:00:00 from 2025-04-01T08:00:00"), summary(plan));
    }

    @Test
    void seedDependencyActiveInTheFutureMakesTheDependentWait() {
        Config c = config(
                entry("TEST_A", "2029-11-01T12:20:00"),
                entry("DEPENDS_ON_A", "2024-10-01T12:20:00").dependsOn("TEST_A"));
        Plan plan = Planner.plan(c, Observed.EMPTY, at("2025-01-01T00:00:00"));
        assertEquals(List.of("wait TEST_A null", "wait DEPENDS_ON_A 2024-10-01T12:20:00"), summary(plan));
        assertEquals("not active until 2029-11-01T12:20:00+01:00", only(plan, "TEST_A").reason());
        assertEquals(at("2029-11-01T12:20:00"), only(plan, "TEST_A").until());
        assertEquals("waiting for TEST_A (not active until 2029-11-01T12:20:00+01:00)",
                only(plan, "DEPENDS_ON_A").reason());
        assertEquals(at("2029-11-01T12:20:00"), plan.nextChange());
        assertFalse(plan.hasChanges());

        Plan later = Planner.plan(c, Observed.EMPTY, at("2029-11-01T12:20:00"));
        assertEquals(List.of("start TEST_A 2029-11-01T12:20:00", "start DEPENDS_ON_A 2024-10-01T12:20:00"),
                summary(later));
    }

    @Test
    void removedProcessIsStopped() {
        Config c = config(entry("web", "2024-10-01T12:00:00"));
        ObservedInstance gone = instance("old", "2020-01-01T00:00:00", InstanceState.RUNNING, 42L, at("2024-01-01T00:00:00"));
        ObservedInstance web = running(c.processes().get(0), 43, at("2024-10-01T12:00:01"));
        Plan plan = Planner.plan(c, observed(gone, web), at("2024-10-07T09:00:00"));
        assertEquals(List.of("stop old 2020-01-01T00:00:00", "keep web 2024-10-01T12:00:00"), summary(plan));
        assertEquals("no longer in the file", plan.actions().get(0).reason());
    }

    @Test
    void commandOnlyChangeKeepsTheInstanceAndSaysWhatChanged() {
        Config before = config(entry("web", "2024-10-01T12:00:00").command("python3 -m http.server 8080"));
        Config after = config(entry("web", "2024-10-01T12:00:00").command("python3 -m http.server 9090")
                .env(Map.of("A", "1")));
        ObservedInstance web = running(before.processes().get(0), 43, at("2024-10-01T12:00:01"));
        Plan plan = Planner.plan(after, observed(web), at("2024-10-07T09:00:00"));
        assertEquals(List.of("keep web 2024-10-01T12:00:00"), summary(plan));
        Action keep = plan.actions().get(0);
        assertEquals(List.of("command", "env"), keep.changedFields());
        assertTrue(keep.reason().contains("changed since it started: command, env (takes effect at its next start)"),
                keep.reason());
    }

    @Test
    void heldProcessIsStoppedAndThenWaits() {
        Config c = config(entry("web", "2024-10-01T12:00:00"));
        ObservedInstance web = running(c.processes().get(0), 43, at("2024-10-01T12:00:01"));
        Plan plan = Planner.plan(c, observed(Set.of("web"), web), at("2024-10-07T09:00:00"));
        assertEquals(List.of("stop web 2024-10-01T12:00:00"), summary(plan));
        assertTrue(plan.actions().get(0).reason().startsWith("held by operator"));

        Plan stopped = Planner.plan(c, observed(Set.of("web")), at("2024-10-07T09:00:00"));
        assertEquals(List.of("wait web 2024-10-01T12:00:00"), summary(stopped));
        assertEquals("held by operator (`procrust start web` releases it)", stopped.actions().get(0).reason());
    }

    @Test
    void backoffWaitsUntilItsEndThenStarts() {
        Config c = config(entry("web", "2024-10-01T12:00:00"));
        Instant now = at("2024-10-07T09:00:00");
        ObservedInstance b = new ObservedInstance("web", "2024-10-01T12:00:00", InstanceState.BACKOFF, null, now,
                2, 2, now.plusSeconds(4), null, Fingerprint.NONE, false, "exited with status 1");
        Plan plan = Planner.plan(c, observed(b), now);
        assertEquals(List.of("wait web 2024-10-01T12:00:00"), summary(plan));
        assertEquals(now.plusSeconds(4), plan.actions().get(0).until());
        assertEquals(now.plusSeconds(4), plan.nextChange());
        assertTrue(plan.actions().get(0).reason().contains("backing off after 2 failed starts (exited with status 1)"));

        Plan due = Planner.plan(c, observed(b), now.plusSeconds(4));
        assertEquals(List.of("start web 2024-10-01T12:00:00"), summary(due));
        assertTrue(due.actions().get(0).reason().startsWith("back-off over: attempt 3"));
    }

    @Test
    void failedWaitsUntilTheEntryChanges() {
        Config c = config(entry("web", "2024-10-01T12:00:00").command("false"));
        Instant now = at("2024-10-07T09:00:00");
        ObservedInstance f = new ObservedInstance("web", "2024-10-01T12:00:00", InstanceState.FAILED, null, now,
                4, 5, null, null, c.processes().get(0).fingerprint(), false, null);
        Plan plan = Planner.plan(c, observed(f), now);
        assertEquals(List.of("wait web 2024-10-01T12:00:00"), summary(plan));
        assertTrue(plan.actions().get(0).reason().contains("procrust start web"));

        Config fixed = config(entry("web", "2024-10-01T12:00:00").command("true"));
        assertEquals(List.of("start web 2024-10-01T12:00:00"), summary(Planner.plan(fixed, observed(f), now)));
    }

    @Test
    void oneshotCompletedRunsOncePerVersionAndOncePerWindow() {
        Config once = config(entry("migrate", "2024-10-01T12:00:00").oneshot());
        Instant now = at("2024-10-07T09:00:00");
        ObservedInstance done = new ObservedInstance("migrate", "2024-10-01T12:00:00", InstanceState.COMPLETED, null,
                at("2024-10-01T12:00:05"), 0, 0, null, at("2024-10-01T12:00:00"), Fingerprint.NONE, false, null);
        Plan plan = Planner.plan(once, observed(done), now);
        assertEquals(List.of("keep migrate 2024-10-01T12:00:00"), summary(plan));

        Config daily = config(entry("backup", "2024-10-01T12:00:00").oneshot().schedule(schedule("02:00", "04:00")));
        ObservedInstance tonight = new ObservedInstance("backup", "2024-10-01T12:00:00", InstanceState.COMPLETED, null,
                at("2024-10-07T02:10:00"), 0, 0, null, at("2024-10-07T02:00:00"), Fingerprint.NONE, false, null);
        assertEquals(List.of("keep backup 2024-10-01T12:00:00"),
                summary(Planner.plan(daily, observed(tonight), at("2024-10-07T03:00:00"))));
        Plan nextNight = Planner.plan(daily, observed(tonight), at("2024-10-08T02:00:00"));
        assertEquals(List.of("start backup 2024-10-01T12:00:00"), summary(nextNight));
        Plan afternoon = Planner.plan(daily, observed(tonight), at("2024-10-07T15:00:00"));
        assertEquals(List.of("wait backup 2024-10-01T12:00:00"), summary(afternoon));
        assertEquals(at("2024-10-08T02:00:00"), afternoon.actions().get(0).until());
    }

    @Test
    void oneStartAtATime() {
        Config c = config(
                entry("db", "2024-10-01T12:00:00"),
                entry("web", "2024-10-01T12:00:00").dependsOn("db"),
                entry("other", "2024-10-01T12:00:00"));
        ObservedInstance starting = instance("db", "2024-10-01T12:00:00", InstanceState.PENDING_HEALTH_CHECK, 5L,
                at("2024-10-07T08:59:58"));
        Plan plan = Planner.plan(c, observed(starting), at("2024-10-07T09:00:00"));
        assertEquals(List.of("keep db 2024-10-01T12:00:00", "wait web 2024-10-01T12:00:00",
                "wait other 2024-10-01T12:00:00"), summary(plan));
        assertTrue(only(plan, "other").reason().startsWith("waiting for the start of db"), only(plan, "other").reason());
        assertFalse(plan.hasChanges());
    }

    @Test
    void stopsDependentsBeforeTheirDependencies() {
        var office = schedule("08:00", "18:00", MONDAY, FRIDAY);
        Config c = config(
                entry("db", "2024-10-01T12:00:00").schedule(office),
                entry("web", "2024-10-01T12:00:00").dependsOn("db").schedule(office));
        ObservedInstance db = running(c.processes().get(0), 1, at("2024-10-07T08:00:00"));
        ObservedInstance web = running(c.processes().get(1), 2, at("2024-10-07T08:00:01"));
        Plan plan = Planner.plan(c, observed(db, web), at("2024-10-07T18:00:00"));
        assertEquals(List.of("stop web 2024-10-01T12:00:00", "stop db 2024-10-01T12:00:00"), summary(plan));
        assertTrue(plan.actions().get(0).reason().contains("until 2024-10-11T08:00:00+02:00"),
                plan.actions().get(0).reason());
        assertEquals(at("2024-10-11T08:00:00"), plan.nextChange());
    }

    @Test
    void removedDependentsStopBeforeTheRemovedProcessesTheyDependedOn() {
        // both removed from the file: only the fingerprint recorded at their start knows depends_on
        Config was = config(
                entry("db", "2024-10-01T12:00:00"),
                entry("cache", "2024-10-01T12:00:00").dependsOn("db"),
                entry("web", "2024-10-01T12:00:00").dependsOn("cache", "db"),
                entry("other", "2024-10-01T12:00:00"));
        // the state lists them dependencies first (the order they were started in)
        ObservedInstance db = running(was.processes().get(0), 1, at("2024-10-07T08:00:00"));
        ObservedInstance cache = running(was.processes().get(1), 2, at("2024-10-07T08:00:01"));
        ObservedInstance web = running(was.processes().get(2), 3, at("2024-10-07T08:00:02"));
        ObservedInstance other = running(was.processes().get(3), 4, at("2024-10-07T08:00:03"));
        Config now = config(entry("other", "2024-10-01T12:00:00"));
        Plan plan = Planner.plan(now, observed(db, cache, web, other), at("2024-10-07T09:00:00"));
        assertEquals(List.of("stop web 2024-10-01T12:00:00", "stop cache 2024-10-01T12:00:00",
                "stop db 2024-10-01T12:00:00", "keep other 2024-10-01T12:00:00"), summary(plan));
    }

    @Test
    void dependentOfAProcessBeingStoppedWaits() {
        Config c = config(
                entry("db", "2024-10-01T12:00:00"),
                entry("web", "2024-10-01T12:00:00").dependsOn("db"));
        ObservedInstance db = running(c.processes().get(0), 1, at("2024-10-07T08:00:00"));
        Plan plan = Planner.plan(c, observed(Set.of("db"), db), at("2024-10-07T09:00:00"));
        assertEquals(List.of("stop db 2024-10-01T12:00:00", "wait web 2024-10-01T12:00:00"), summary(plan));
        assertTrue(only(plan, "web").reason().startsWith("waiting for db (being stopped: held by operator"),
                only(plan, "web").reason());
    }

    @Test
    void aliveFromAnEarlierRunIsAdopted() {
        Config c = config(entry("web", "2024-10-01T12:00:00"));
        ObservedInstance web = new ObservedInstance("web", "2024-10-01T12:00:00", InstanceState.RUNNING, 9L,
                at("2024-10-01T12:00:01"), 0, 0, null, null, c.processes().get(0).fingerprint(), true, null);
        Plan plan = Planner.plan(c, observed(web), at("2024-10-07T09:00:00"));
        assertEquals(List.of("adopt web 2024-10-01T12:00:00"), summary(plan));
        assertFalse(plan.hasChanges());
    }

    @Test
    void stoppedByItsPolicyStaysStoppedUntilTheNextWindow() {
        var office = schedule("08:00", "18:00");
        Config c = config(entry("job", "2024-10-01T12:00:00").schedule(office));
        ObservedInstance exited = instance("job", "2024-10-01T12:00:00", InstanceState.STOPPED, null,
                at("2024-10-07T09:30:00"));
        assertEquals(List.of("keep job 2024-10-01T12:00:00"),
                summary(Planner.plan(c, observed(exited), at("2024-10-07T10:00:00"))));
        assertEquals(List.of("start job 2024-10-01T12:00:00"),
                summary(Planner.plan(c, observed(exited), at("2024-10-08T08:00:00"))));
    }

    @Test
    void replaceWaitsForAPendingStartAndKeepsTheOldVersionMeanwhile() {
        Config c = config(
                entry("db", "2024-10-01T12:00:00"),
                entry("web", "2024-10-01T12:00:00"),
                entry("web", "2024-10-07T09:00:00"));
        ObservedInstance db = instance("db", "2024-10-01T12:00:00", InstanceState.PENDING_HEALTH_CHECK, 1L,
                at("2024-10-07T08:59:59"));
        ObservedInstance web = running(c.processes().get(1), 2, at("2024-10-01T12:00:01"));
        Plan plan = Planner.plan(c, observed(db, web), at("2024-10-07T09:00:00"));
        assertEquals(List.of("keep db 2024-10-01T12:00:00", "wait web 2024-10-07T09:00:00"), summary(plan));
        assertTrue(only(plan, "web").reason().contains("2024-10-01T12:00:00 keeps running"));
    }

    @Test
    void outsideItsWindowWaitsUntilItOpens() {
        Config c = config(entry("web", "2024-10-01T12:00:00").schedule(schedule("08:00", "18:00", MONDAY)));
        Plan plan = Planner.plan(c, Observed.EMPTY, at("2024-10-08T09:00:00"));
        assertEquals(List.of("wait web 2024-10-01T12:00:00"), summary(plan));
        assertEquals(at("2024-10-14T08:00:00"), plan.actions().get(0).until());
        assertEquals("outside its schedule window (mon 08:00-18:00) until 2024-10-14T08:00:00+02:00",
                plan.actions().get(0).reason());
    }

    @Test
    void isDeterministic() {
        Config c = config(
                entry("a", "2024-10-01T12:00:00").dependsOn("b"),
                entry("b", "2024-10-01T12:00:00"));
        Instant now = at("2024-10-07T09:00:00");
        assertEquals(Planner.plan(c, Observed.EMPTY, now), Planner.plan(c, Observed.EMPTY, now.plus(Duration.ZERO)));
    }

    @Test
    void aOneshotDependencyCountsOnlyOnceCompleted() {
        Config c = config(
                entry("migrate", "2024-10-01T12:00:00").oneshot(),
                entry("web", "2024-10-01T12:00:00").dependsOn("migrate"));
        ObservedInstance running = instance("migrate", "2024-10-01T12:00:00", InstanceState.RUNNING, 5L,
                at("2024-10-07T08:59:00"));
        Plan plan = Planner.plan(c, observed(running), at("2024-10-07T09:00:00"));
        assertEquals(List.of("keep migrate 2024-10-01T12:00:00", "wait web 2024-10-01T12:00:00"), summary(plan));
        assertTrue(only(plan, "web").reason().startsWith("waiting for migrate to complete (running (pid 5)"),
                only(plan, "web").reason());

        ObservedInstance done = instance("migrate", "2024-10-01T12:00:00", InstanceState.COMPLETED, null,
                at("2024-10-07T08:59:30"));
        assertEquals(List.of("start web 2024-10-01T12:00:00", "keep migrate 2024-10-01T12:00:00"),
                summary(Planner.plan(c, observed(done), at("2024-10-07T09:00:00"))));
    }

    @Test
    void aStartFollowsADependencyStartedEarlierInTheSamePlanAndAReplaceOfADependency() {
        Config c = config(
                entry("db", "2024-10-01T12:00:00"),
                entry("db", "2024-10-07T09:00:00"),
                entry("web", "2024-10-01T12:00:00").dependsOn("db"));
        ObservedInstance db = running(c.processes().get(0), 1, at("2024-10-01T12:00:01"));
        Plan plan = Planner.plan(c, observed(db), at("2024-10-07T09:00:00"));
        assertEquals(List.of("replace db 2024-10-07T09:00:00 from 2024-10-01T12:00:00",
                "start web 2024-10-01T12:00:00"), summary(plan));
        assertTrue(only(plan, "web").reason().endsWith("; after db is up"), only(plan, "web").reason());
    }

    @Test
    void aReplaceWhoseNewVersionWaitsForADependencyStopsTheOldVersion() {
        Config c = config(
                entry("cache", "2024-10-01T12:00:00").schedule(schedule("20:00", "06:00")),
                entry("web", "2024-10-01T12:00:00"),
                entry("web", "2024-10-07T09:00:00").dependsOn("cache"));
        ObservedInstance web = running(c.processes().get(1), 2, at("2024-10-01T12:00:01"));
        Plan plan = Planner.plan(c, observed(web), at("2024-10-07T09:00:00"));
        assertEquals(List.of("stop web 2024-10-01T12:00:00", "wait cache 2024-10-01T12:00:00",
                "wait web 2024-10-07T09:00:00"), summary(plan));
        assertTrue(plan.actions().get(0).reason().startsWith("replaced by version 2024-10-07T09:00:00"),
                plan.actions().get(0).reason());
    }

    @Test
    void twoLiveVersionsOfOneIdStopTheOldOne() {
        Config c = config(entry("web", "2024-10-01T12:00:00"), entry("web", "2024-10-05T12:00:00"));
        ObservedInstance old = running(c.processes().get(0), 1, at("2024-10-01T12:00:01"));
        ObservedInstance cur = running(c.processes().get(1), 2, at("2024-10-05T12:00:01"));
        Plan plan = Planner.plan(c, observed(old, cur), at("2024-10-07T09:00:00"));
        assertEquals(List.of("stop web 2024-10-01T12:00:00", "keep web 2024-10-05T12:00:00"), summary(plan));
    }

    @Test
    void versionsAtTheSameInstantPreferTheLaterEntry() {
        Config c = config(entry("web", "2024-10-01T12:00:00"), entry("web", "2024-10-01T12:00:00+02:00"));
        Plan plan = Planner.plan(c, Observed.EMPTY, at("2024-10-07T09:00:00"));
        assertEquals(List.of("start web 2024-10-01T12:00:00+02:00"), summary(plan));
    }
}
