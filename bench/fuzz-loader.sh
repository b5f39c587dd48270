#!/usr/bin/env bash
# Fuzzes the procrust loader (procrust.cli.LoaderFuzzTest) with Jazzer for a while, coverage-guided,
# seeded with its own inputs, examples/, the seed configs and the vendored toml-test corpus.
#
#   bench/fuzz-loader.sh [SECONDS]        default 660 (11 minutes)
#
# Environment: MVN_ARGS (e.g. -o).
# A finding (an exception that is not a diagnostic, a hang over 20 s, a broken one-line or JSON
# view) is written to src/test/resources/procrust/cli/LoaderFuzzTestInputs/fuzzLoader/crash-* and the
# run fails; keep the file (renamed) as a regression input once fixed. The corpus grown by the run
# is kept in .cifuzz-corpus/ (git-ignored) and reused by the next run.
# The log goes to target/fuzz-loader.log; the last libFuzzer status line is printed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-660}
log=target/fuzz-loader.log
mkdir -p target
echo "fuzzing the loader for ${secs}s (log: $log)"
set +e
# shellcheck disable=SC2086
JAZZER_FUZZ=1 ./mvnw -B ${MVN_ARGS:-} test -Dtest=LoaderFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Djazzer.hooks=true -Djazzer.instrument='procrust.**,org.tomlj.**' \
    -Djazzer.internal.arg.0=fuzz-loader -Djazzer.internal.arg.1=-max_total_time="$secs" \
    -Djazzer.internal.arg.2=-timeout=20 -Djazzer.internal.arg.3=-print_final_stats=1 >"$log" 2>&1
rc=$?
set -e
grep -E '^#[0-9]+' "$log" | tail -1 || true
grep -E '^(Done|stat::)' "$log" || true
grep -E 'Tests run:.*Fail' "$log" | tail -1 || true
ls src/test/resources/procrust/cli/LoaderFuzzTestInputs/fuzzLoader/crash-* 2>/dev/null && echo "FINDINGS above"
exit $rc
