package procrust.validate;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * The Hibernate Validator instance, bootstrapped once per JVM. Bootstrapping costs 100-200 ms, so
 * {@link #warmUp()} starts it on a background thread while the file is read and parsed; messages use
 * {@link ParameterMessageInterpolator} (no Expression Language on the class path, quicker start).
 */
final class Validators {

    /** Held so the level sticks: Hibernate Validator's version banner is noise on a command line. */
    private static final Logger HV_LOG = Logger.getLogger("org.hibernate.validator");

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
        HV_LOG.setLevel(Level.WARNING);
        ValidatorFactory factory = Validation.byProvider(HibernateValidator.class).configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
        return factory.getValidator();
    }
}
