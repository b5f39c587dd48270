package procrust.config.raw;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalTime;

/**
 * A schedule's {@code start_time} and {@code stop_time} differ (a window that opens and closes at the
 * same time is either empty or the whole day: ambiguous). Reported on {@code stop_time}.
 */
@Documented
@Constraint(validatedBy = DistinctTimes.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface DistinctTimes {

    String message() default "must differ from start_time (for a process that runs all day, leave both out)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** start (default 00:00) equal to a written stop ("24:00" reads as end of day, never equal). */
    final class Validator implements ConstraintValidator<DistinctTimes, RawSchedule> {
        @Override
        public boolean isValid(RawSchedule s, ConstraintValidatorContext context) {
            if (s == null || s.stopTime() == null) {
                return true;
            }
            LocalTime start = s.startTime() != null ? s.startTime() : (s.has("start_time") ? null : LocalTime.MIDNIGHT);
            if (start == null || !start.equals(s.stopTime())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("stopTime").addConstraintViolation();
            return false;
        }
    }
}
