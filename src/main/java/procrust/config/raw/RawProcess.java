package procrust.config.raw;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMin;
import procrust.config.ApplyOn;
import procrust.config.ProcessType;
import procrust.config.SourcePos;

/**
 * One {@code [[process]]} entry as written. Null means absent (or unreadable, already reported); the
 * defaults are filled later by the normaliser.
 *
 * @param index 0-based position among the entries of the file
 * @param dependsOn the ids as written, with the position of each
 */
public record RawProcess(
        int index,
        SourcePos pos,
        Map<String, SourcePos> at,
        @NotNull(message = "is required: the process's name, unique per apply_on")
        @Pattern(regexp = IdPattern.REGEX, message = "must be " + IdPattern.MESSAGE)
        String id,
        @NotBlank(message = "must not be blank: the shell command to run (as /bin/sh -c COMMAND)")
        String command,
        @NotNull(message = "is required: the date-time from which this version applies, like \"2024-10-01T12:00:00\"")
        ApplyOn applyOn,
        ProcessType type,
        List<RawRef> dependsOn,
        @Pattern(regexp = "[^\\x00]*\\S[^\\x00]*", message = "must be a directory path, not blank")
        String workingDir,
        Map<@Pattern(regexp = "[A-Za-z_][A-Za-z0-9_]*",
                message = "is not a valid environment variable name (letters, digits and '_', not starting with a digit)")
                String, String> env,
        @DurationMin(nanos = 1, message = "must be longer than zero") Duration stopTimeout,
        @Valid RawSchedule schedule,
        @Valid RawHealthCheck startHealthCheck,
        @Valid RawRestart restart,
        @Pattern(regexp = IdPattern.REGEX, message = "must be " + IdPattern.MESSAGE)
        String group,
        @Min(value = 1, message = "must be at least 1 byte") Long logMaxSize,
        @Min(value = 0, message = "must be 0 or more") Long logKeep) implements Located {

    public RawProcess {
        at = Map.copyOf(at);
        dependsOn = dependsOn == null ? null : List.copyOf(dependsOn);
    }

    /** The same entry at another place among the entries of the file. */
    public RawProcess withIndex(int newIndex) {
        return new RawProcess(newIndex, pos, at, id, command, applyOn, type, dependsOn, workingDir, env, stopTimeout,
                schedule, startHealthCheck, restart, group, logMaxSize, logKeep);
    }

    /** True for an entry that is ignored everywhere ({@code type = "fake"}). */
    public boolean isFake() {
        return type == ProcessType.FAKE;
    }
}
