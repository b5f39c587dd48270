package procrust.validate;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.ElementType;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.PredefinedScopeHibernateValidator;
import org.hibernate.validator.PredefinedScopeHibernateValidatorConfiguration;
import org.hibernate.validator.constraints.time.DurationMin;
import procrust.config.raw.RawConfig;
import procrust.config.raw.RawHealthCheck;
import procrust.config.raw.RawLiveness;
import procrust.config.raw.RawProcess;
import procrust.config.raw.RawRestart;
import procrust.config.raw.RawSchedule;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * The Hibernate Validator instance, bootstrapped once per JVM. Bootstrapping costs 100-200 ms, so
 * {@link #warmUp()} starts it on a background thread while the file is read and parsed. For a quick
 * start: the predefined-scope factory (the metadata of every raw record is built during that
 * bootstrap, and only the built-in constraints we use are set up), each constraint declared once
 * ({@link FieldConstraints}), no XML configuration, no provider or JPA look-ups, and
 * {@link ParameterMessageInterpolator} (no Expression Language).
 */
final class Validators {

    /**
     * Held so the level sticks: Hibernate Validator's version banner is noise on a command line. Set on
     * the bootstrap's thread: java.util.logging's set-up is 10-20 ms the main thread need not wait for.
     */
    private static volatile Logger hvLog;

    /** The built-in constraints of {@link FieldConstraints}: only these are set up at bootstrap. */
    private static final Set<String> BUILTIN = Set.of(NotNull.class.getName(), NotBlank.class.getName(),
            Pattern.class.getName(), Min.class.getName(), Max.class.getName(), DurationMin.class.getName());

    /** Every validated type: their metadata is built during the (background) bootstrap. */
    private static final Set<Class<?>> BEANS = Set.of(RawConfig.class, RawProcess.class, RawSchedule.class,
            RawHealthCheck.class, RawRestart.class, RawLiveness.class);

    private static volatile CompletableFuture<Validator> pending;

    private Validators() {
    }

    /** Starts building the validator in the background, if not already started. */
    static void warmUp() {
        if (pending == null) {
            synchronized (Validators.class) {
                if (pending == null) {
                    pending = CompletableFuture.supplyAsync(Validators::build, runnable -> {
                        Thread t = new Thread(runnable, "validator-bootstrap");
                        t.setDaemon(true);
                        t.start();
                    });
                }
            }
        }
    }

    /** The validator, waiting for the background bootstrap if needed. */
    static Validator get() {
        warmUp();
        return pending.join();
    }

    private static Validator build() {
        Logger log = Logger.getLogger("org.hibernate.validator");
        log.setLevel(Level.WARNING);
        hvLog = log;
        PredefinedScopeHibernateValidatorConfiguration config = Validation
                .byProvider(PredefinedScopeHibernateValidator.class)
                .providerResolver(() -> List.of(new PredefinedScopeHibernateValidator()))
                .configure();
        ValidatorFactory factory = config
                .ignoreXmlConfiguration()
                .addMapping(FieldConstraints.declare(config.createConstraintMapping()))
                .builtinConstraints(BUILTIN)
                .initializeBeanMetaData(BEANS)
                .traversableResolver(new Everything())
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
        return factory.getValidator();
    }

    /** No JPA here: every property is reachable (the default resolver probes for JPA on the class path). */
    private static final class Everything implements TraversableResolver {
        @Override
        public boolean isReachable(Object bean, Path.Node node, Class<?> rootType, Path path, ElementType type) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node node, Class<?> rootType, Path path, ElementType type) {
            return true;
        }
    }
}
