package procrust.validate;

import org.hibernate.validator.cfg.ConstraintMapping;
import org.hibernate.validator.cfg.GenericConstraintDef;
import org.hibernate.validator.cfg.defs.DurationMinDef;
import org.hibernate.validator.cfg.defs.MaxDef;
import org.hibernate.validator.cfg.defs.MinDef;
import org.hibernate.validator.cfg.defs.NotBlankDef;
import org.hibernate.validator.cfg.defs.NotNullDef;
import org.hibernate.validator.cfg.defs.PatternDef;
import procrust.config.raw.Codes;
import procrust.config.raw.DistinctTimes;
import procrust.config.raw.IanaZone;
import procrust.config.raw.IdPattern;
import procrust.config.raw.RawConfig;
import procrust.config.raw.RawHealthCheck;
import procrust.config.raw.RawLiveness;
import procrust.config.raw.RawProcess;
import procrust.config.raw.RawRestart;
import procrust.config.raw.RawSchedule;

/**
 * The field constraints of the raw records, each declared once, on the record's field, with Hibernate
 * Validator's programmatic API. Not as annotations on the record components: Java copies such an
 * annotation onto the field, the accessor and the canonical constructor's parameter, and Hibernate
 * Validator builds a constraint descriptor for each copy at bootstrap (it reads an accessor's
 * constraints even when told to ignore them), which made its bootstrap, the critical path of
 * {@code check}, about a fifth longer (docs/benchmarks.md#start-up). The validation and its violations
 * (property paths, messages, payloads) are the same as with the annotations.
 */
final class FieldConstraints {

    private static final String POSITIVE = "must be longer than zero";

    private FieldConstraints() {
    }

    /** Declares every constraint of the raw records into {@code m}. */
    static ConstraintMapping declare(ConstraintMapping m) {
        m.type(RawConfig.class)
                .field("uid")
                .constraint(new NotNullDef().message(
                        "is required: a UUID naming this file's services (`procrust uid` prints a new one)"))
                // a pattern, not Hibernate Validator's @UUID: that one throws ArrayIndexOutOfBoundsException
                // on a sixth dash-separated group ("550e84-0-e29b-..."), found by fuzzing
                .constraint(pattern("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
                        "must be a UUID like \"550e8400-e29b-41d4-a716-446655440000\" (`procrust uid` prints a new one)"))
                .field("fileFormat")
                .constraint(new NotNullDef().message("is required: write file_format = \"0\""))
                .constraint(pattern("0", "is not a format this procrust knows: the only one is \"0\"")
                        .payload(Codes.UnsupportedFileFormat.class))
                .field("timezone").constraint(new GenericConstraintDef<>(IanaZone.class))
                .field("logMaxSize").constraint(min(1, "must be at least 1 byte"))
                .field("logKeep").constraint(min(0, "must be 0 or more"))
                .field("logGroup").constraint(pattern("[0-9]{1,10}|[A-Za-z_][A-Za-z0-9_.-]{0,31}\\$?",
                        "must be a group name (like \"adm\") or a numeric group id"));
        m.type(RawProcess.class)
                .field("id")
                .constraint(new NotNullDef().message("is required: the process's name, unique per apply_on"))
                .constraint(pattern(IdPattern.REGEX, "must be " + IdPattern.MESSAGE))
                .field("command").constraint(new NotBlankDef().message(
                        "must not be blank: the shell command to run (as /bin/sh -c COMMAND)"))
                .field("applyOn").constraint(new NotNullDef().message(
                        "is required: the date-time from which this version applies, like \"2024-10-01T12:00:00\""))
                .field("workingDir").constraint(pattern("[^\\x00]*\\S[^\\x00]*", "must be a directory path, not blank"))
                .field("env").containerElementType(0).constraint(pattern("[A-Za-z_][A-Za-z0-9_]*",
                        "is not a valid environment variable name (letters, digits and '_', not starting with a digit)"))
                .field("stopTimeout").constraint(longerThanZero())
                .field("schedule").valid()
                .field("startHealthCheck").valid()
                .field("restart").valid()
                .field("label").constraint(pattern(IdPattern.REGEX, "must be " + IdPattern.MESSAGE))
                .field("logMaxSize").constraint(min(1, "must be at least 1 byte"))
                .field("logKeep").constraint(min(0, "must be 0 or more"))
                .field("healthCheck").valid();
        m.type(RawSchedule.class).constraint(new GenericConstraintDef<>(DistinctTimes.class));
        m.type(RawHealthCheck.class)
                .field("timeout").constraint(longerThanZero())
                .field("interval").constraint(longerThanZero());
        m.type(RawLiveness.class)
                .field("interval").constraint(longerThanZero())
                .field("timeout").constraint(longerThanZero())
                .field("failures")
                .constraint(min(1, "must be at least 1: the failures in a row that mean the process is unhealthy"))
                .constraint(new MaxDef().value(1000).message("must be at most 1000"));
        m.type(RawRestart.class)
                .field("maxAttempts")
                .constraint(min(1, "must be at least 1"))
                .constraint(new MaxDef().value(Integer.MAX_VALUE).message("is too large"))
                .field("delay").constraint(new DurationMinDef().nanos(0).message("must not be negative (0 restarts at once)"))
                .field("maxDelay").constraint(longerThanZero());
        return m;
    }

    private static PatternDef pattern(String regexp, String message) {
        return new PatternDef().regexp(regexp).message(message);
    }

    private static MinDef min(long value, String message) {
        return new MinDef().value(value).message(message);
    }

    private static DurationMinDef longerThanZero() {
        return new DurationMinDef().nanos(1).message(POSITIVE);
    }
}
