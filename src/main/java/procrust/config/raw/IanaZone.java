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
import java.time.ZoneId;

/** The string is a region-based IANA time zone known to this JVM ({@code Europe/Madrid}); null passes. */
@Documented
@Constraint(validatedBy = IanaZone.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface IanaZone {

    String message() default "must be an IANA time zone like \"Europe/Madrid\" or \"UTC\"";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Accepts the names of {@link ZoneId#getAvailableZoneIds()} (UTC included), not bare offsets. */
    final class Validator implements ConstraintValidator<IanaZone, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || ZoneId.getAvailableZoneIds().contains(value);
        }
    }
}
