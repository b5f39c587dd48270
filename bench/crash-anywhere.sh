#!/usr/bin/env bash
# The full crash-anywhere run: procrust apply over a busy file, killed with SIGKILL at random moments
# KILLS times (default 200) and restarted each time, its state file deleted after one kill in
# four, with the invariants of CrashAnywhereIT checked after every kill and at the end (the verify
# build runs 20 kills).
#
#   bench/crash-anywhere.sh [KILLS] [SEED]
#
# The report (seed, failures) is in target/failsafe-reports; the console log in target/crash-anywhere.log.
set -euo pipefail
cd "$(dirname "$0")/.."
kills=${1:-200}
seed=${2:-}
log=target/crash-anywhere.log
mkdir -p target
echo "crash-anywhere: $kills kills (log: $log)"
args=(-B ${MVN_ARGS:-} verify -DskipTests=false -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false
      -Dit.test=CrashAnywhereIT -Dprocrust.crash.kills="$kills")
[[ -n "$seed" ]] && args+=(-Dprocrust.crash.seed="$seed")
set +e
start=$(date +%s)
./mvnw "${args[@]}" >"$log" 2>&1
rc=$?
set -e
echo "took $(( $(date +%s) - start )) s, exit $rc"
grep -E 'Tests run:|\[seed' "$log" | head -20 || true
exit $rc
