package procrust.validate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import procrust.config.read.Sink;
import procrust.diag.Code;
import procrust.validate.Versions.Version;

/**
 * Rules between the entries of one id. Error: two entries with the same (id, apply_on), or two
 * non-fake ones taking effect at the same instant (which would be active?). Warning: a version
 * listed after a later one of the same id: the newest entry wins whatever the file order, so a
 * version appended with an older apply_on is active only until the other one's.
 */
final class VersionRules {

    private VersionRules() {
    }

    static void check(List<Version> versions, Sink sink) {
        Map<String, Version> byText = new HashMap<>();
        Map<String, Version> byInstant = new HashMap<>();
        Map<String, Version> newestSoFar = new HashMap<>();
        for (Version v : versions) {
            String id = v.id();
            Version same = byText.putIfAbsent(id + '\0' + v.text(), v);
            if (same != null) {
                sink.error(Code.DUPLICATE_VERSION, "`" + id + "` has two entries with apply_on " + v.text()
                        + " (the other at line " + same.entry().pos().line() + "): give this version another apply_on, "
                        + "or remove one", v.entry().posOf("apply_on"), id, "apply_on");
                continue;
            }
            if (v.entry().isFake()) {
                continue;
            }
            Version sameInstant = byInstant.putIfAbsent(id + '\0' + v.at(), v);
            if (sameInstant != null) {
                sink.error(Code.DUPLICATE_VERSION, "`" + id + "` has two versions taking effect at the same instant: "
                        + v.text() + " and " + sameInstant.text() + " (line " + sameInstant.entry().pos().line()
                        + "); give them different apply_on", v.entry().posOf("apply_on"), id, "apply_on");
                continue;
            }
            Version newest = newestSoFar.get(id);
            if (newest != null && v.at().isBefore(newest.at())) {
                sink.warning(Code.SHADOWED_VERSION, "this version of `" + id + "` (" + v.text() + ") is listed after "
                        + newest.text() + " (line " + newest.entry().pos().line() + ") but takes effect before it: it is "
                        + "active only until " + newest.text() + ". The newest apply_on wins, not the last entry; "
                        + "list versions oldest first", v.entry().posOf("apply_on"), id, "apply_on");
            } else {
                newestSoFar.put(id, v);
            }
        }
    }
}
