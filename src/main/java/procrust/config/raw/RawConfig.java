package procrust.config.raw;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;
import procrust.config.SourcePos;

/**
 * The top level of a procrust file as written. A null value is an absent key or one whose value could
 * not be read (the reader has reported it; {@link Located#has} tells which). The entries are
 * validated one by one (not cascaded from here), so that large files validate in parallel.
 */
public record RawConfig(
        SourcePos pos,
        Map<String, SourcePos> at,
        @NotNull(message = "is required: a UUID naming this file's services (`procrust uid` prints a new one)")
        // a pattern, not Hibernate Validator's @UUID: that one throws ArrayIndexOutOfBoundsException on a
        // sixth dash-separated group ("550e84-0-e29b-..."), found by fuzzing
        @Pattern(regexp = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
                message = "must be a UUID like \"550e8400-e29b-41d4-a716-446655440000\" (`procrust uid` prints a new one)")
        String uid,
        @NotNull(message = "is required: write file_format = \"0\"")
        @Pattern(regexp = "0", payload = Codes.UnsupportedFileFormat.class,
                message = "is not a format this procrust knows: the only one is \"0\"")
        String fileFormat,
        @IanaZone String timezone,
        @Min(value = 1, message = "must be at least 1 byte") Long logMaxSize,
        @Min(value = 0, message = "must be 0 or more") Long logKeep,
        @Pattern(regexp = "[0-9]{1,10}|[A-Za-z_][A-Za-z0-9_.-]{0,31}\\$?",
                message = "must be a group name (like \"adm\") or a numeric group id")
        String logGroup,
        List<RawProcess> processes) implements Located {

    public RawConfig {
        at = Map.copyOf(at);
        processes = List.copyOf(processes);
    }
}
