package procrust.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code procrust completion bash|zsh}: the script loads in a real shell and completes. */
class CompletionIT {

    @TempDir
    Path tmp;

    Path script(String shell) throws Exception {
        Procrust.Result r = Procrust.run("completion", shell);
        assertEquals(0, r.exit(), r::toString);
        return Files.writeString(tmp.resolve("procrust." + shell), r.out());
    }

    /** What bash offers after typing {@code words} (the last one being completed). */
    List<String> complete(Path script, String... words) throws Exception {
        StringBuilder arr = new StringBuilder();
        for (String w : words) {
            arr.append(" '").append(w).append("'");
        }
        String prog = "source '" + script + "' && COMP_WORDS=(" + arr + ") && COMP_CWORD=" + (words.length - 1)
                + " && _complete_procrust 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"";
        Procrust.Result r = Cmd.run(tmp, "bash", "-c", prog);
        assertEquals(0, r.exit(), r::toString);
        return Arrays.stream(r.out().split("\n")).filter(s -> !s.isBlank()).sorted().toList();
    }

    @Test
    void bashLoadsItAndRegistersTheCompletion() throws Exception {
        Path s = script("bash");
        Procrust.Result syntax = Cmd.run(tmp, "bash", "-n", s.toString());
        assertEquals(0, syntax.exit(), syntax::toString);
        Procrust.Result reg = Cmd.run(tmp, "bash", "-c", "source '" + s + "' && complete -p procrust");
        assertEquals(0, reg.exit(), reg::toString);
        assertTrue(reg.out().contains("-F _complete_procrust") && reg.out().trim().endsWith(" procrust"), reg::toString);
    }

    @Test
    void bashCompletesCommandsAndTheirArguments() throws Exception {
        Path s = script("bash");
        assertTrue(complete(s, "procrust", "com").contains("completion"), () -> "commands complete");
        assertEquals(List.of("bash", "zsh"), complete(s, "procrust", "completion", ""));
        assertTrue(complete(s, "procrust", "--st").contains("--state-dir"));
    }

    @Test
    void zshLoadsItThroughBashcompinit() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/zsh")) || Files.isExecutable(Path.of("/bin/zsh")),
                "zsh is not installed (.ci/run installs it)");
        Path s = script("zsh");
        Procrust.Result r = Cmd.run(tmp, "zsh", "-f", "-c",
                "autoload -U +X compinit && compinit -u -D && source '" + s + "' && print -r -- ${_comps[procrust]}");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().startsWith("_bash_complete -F _complete_procrust"), r::toString);
    }
}
