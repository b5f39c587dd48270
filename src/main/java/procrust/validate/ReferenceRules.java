package procrust.validate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import procrust.config.raw.RawConfig;
import procrust.config.raw.RawProcess;
import procrust.config.raw.RawRef;
import procrust.config.read.Sink;
import procrust.diag.Code;

/**
 * What {@code depends_on} names: ids defined in the file (any entry, fake ones included: a dependency
 * whose versions are all in the future or all fake makes the dependent wait, it is no error) and never
 * the process itself. A dependency whose every entry is fake is a warning: it will never be met.
 */
final class ReferenceRules {

    private ReferenceRules() {
    }

    static void check(RawConfig raw, Sink sink) {
        Set<String> defined = new HashSet<>();
        Map<String, Boolean> everActive = new HashMap<>();
        for (RawProcess p : raw.processes()) {
            if (p.id() != null) {
                defined.add(p.id());
                everActive.merge(p.id(), !p.isFake(), Boolean::logicalOr);
            }
        }
        for (RawProcess p : raw.processes()) {
            if (p.dependsOn() == null) {
                continue;
            }
            for (RawRef ref : p.dependsOn()) {
                if (ref.id().equals(p.id())) {
                    sink.error(Code.SELF_DEPENDENCY, "`" + p.id() + "` depends on itself: remove it from depends_on",
                            ref.pos(), p.id(), "depends_on");
                } else if (!defined.contains(ref.id())) {
                    String near = nearest(ref.id(), defined);
                    sink.error(Code.MISSING_DEPENDENCY, "depends_on names `" + ref.id() + "`, which no [[process]] "
                            + "of this file defines" + (near != null ? ": did you mean `" + near + "`?" : ""),
                            ref.pos(), p.id(), "depends_on");
                } else if (!everActive.get(ref.id()) && !p.isFake()) {
                    sink.warning(Code.INACTIVE_DEPENDENCY, "depends_on names `" + ref.id() + "`, whose every entry "
                            + "is type = \"fake\": `" + p.id() + "` will wait for it forever", ref.pos(), p.id(),
                            "depends_on");
                }
            }
        }
    }

    private static String nearest(String id, Set<String> defined) {
        return procrust.config.read.Suggestions.closest(id, defined);
    }
}
