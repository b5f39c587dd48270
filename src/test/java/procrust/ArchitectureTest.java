package procrust;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Set;
import procrust.runtime.KillSignaller;
import procrust.runtime.LinuxLauncher;
import procrust.runtime.LinuxProcessTable;

/**
 * The import rules of the packages (each package-info.java says its own; docs/design in README
 * "Layout"): a wrong import fails the build. Only production classes are looked at; tests may
 * reach anything.
 */
@AnalyzeClasses(packages = "procrust", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** What each package may import of ours; cli may import everything and nothing imports it. */
    @ArchTest
    static final ArchRule packagesImportOnlyWhatTheirRulesAllow = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("diag").definedBy("procrust.diag..")
            .layer("config").definedBy("procrust.config..")
            .layer("validate").definedBy("procrust.validate..")
            .layer("plan").definedBy("procrust.plan..")
            .layer("state").definedBy("procrust.state..")
            .layer("runtime").definedBy("procrust.runtime..")
            .layer("security").definedBy("procrust.security..")
            .layer("logs").definedBy("procrust.logs..")
            .layer("reconcile").definedBy("procrust.reconcile..")
            .layer("tui").definedBy("procrust.tui..")
            .layer("migrate").definedBy("procrust.migrate..")
            .layer("cli").definedBy("procrust.cli..")
            .whereLayer("diag").mayNotAccessAnyLayer()
            .whereLayer("runtime").mayNotAccessAnyLayer()
            .whereLayer("config").mayOnlyAccessLayers("diag")
            .whereLayer("validate").mayOnlyAccessLayers("config", "diag")
            .whereLayer("security").mayOnlyAccessLayers("diag")
            .whereLayer("plan").mayOnlyAccessLayers("config")
            .whereLayer("state").mayOnlyAccessLayers("config", "plan")
            .whereLayer("logs").mayOnlyAccessLayers("config", "security")
            .whereLayer("reconcile").mayOnlyAccessLayers("config", "diag", "plan", "state", "runtime", "logs")
            .whereLayer("tui").mayOnlyAccessLayers("config", "diag", "plan", "state", "logs", "reconcile")
            .whereLayer("migrate").mayOnlyAccessLayers("config", "diag")
            .whereLayer("cli").mayNotBeAccessedByAnyLayer();

    /** The model does not know how it is read: config.read builds it from config.raw, never the other way. */
    @ArchTest
    static final ArchRule theModelDoesNotKnowHowItIsRead = noClasses()
            .that().resideInAPackage("procrust.config")
            .should().dependOnClassesThat().resideInAnyPackage("procrust.config.raw..", "procrust.config.read..");

    @ArchTest
    static final ArchRule rawRecordsDoNotKnowTheirReader = noClasses()
            .that().resideInAPackage("procrust.config.raw..")
            .should().dependOnClassesThat().resideInAPackage("procrust.config.read..");

    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices().matching("procrust.(*)..").should().beFreeOfCycles();

    /** The Linux runtime is chosen once, at the edge (cli), and passed down as a runtime.Host. */
    @ArchTest
    static final ArchRule onlyCliChoosesTheLinuxRuntime = noClasses()
            .that().resideOutsideOfPackages("procrust.cli..", "procrust.runtime..")
            .should().dependOnClassesThat(belongToAnyOf(LinuxProcessTable.class, LinuxLauncher.class, KillSignaller.class));

    /** So is the clock: below cli, time comes from the Clock passed down (tests run on a fake one). */
    @ArchTest
    static final ArchRule onlyCliReadsTheSystemClock = noClasses()
            .that().resideOutsideOfPackage("procrust.cli..")
            .should().callMethodWhere(describe("the system clock (Clock.system*, *.now())", (JavaCall<?> call) ->
                    readsSystemClock(call)));

    private static final Set<String> CLOCK_OWNERS = Set.of(Clock.class.getName(), Instant.class.getName(),
            LocalDate.class.getName(), LocalDateTime.class.getName(), ZonedDateTime.class.getName());

    private static boolean readsSystemClock(JavaCall<?> call) {
        String owner = call.getTargetOwner().getName();
        String name = call.getName();
        return CLOCK_OWNERS.contains(owner) && (name.equals("now") || name.startsWith("system"));
    }
}
