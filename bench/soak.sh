#!/usr/bin/env bash
# Soak: one `procrust apply` for a long time (default 30 minutes) with 50 services: 5 crash every few
# seconds (and are restarted), 5 get a new version every minute, 40 idle. Each minute it samples
# apply's RSS, open file descriptors and thread count, the services running, the restarts so far, and
# checks there is never more than one process group per id (also every 2 s in between). At the end:
# a table of the samples, the drift from the first to the last sample, and the verdicts (no leak
# trend, every crash restarted, no duplicate).
#
#   bench/soak.sh [SECONDS] [OUT.md]       default 1800 s; the table also goes to OUT.md when given
#
# Public tools only: bash, python3 (for /proc scans and JSON), coreutils. Everything runs in a
# temporary folder with a fresh uid; at the end apply gets SIGTERM and every process of that uid is
# ended by process group (found by PROCRUST_UID in its environment). PROCRUST_JAVA_OPTS passes JVM flags.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
duration=${1:-1800}
out=${2:-}
tmp=$(mktemp -d)
uid=$(cat /proc/sys/kernel/random/uuid)
state="$tmp/state"
procrust="$root/bin/procrust"
apply_pid=""
checker_pid=""

scan() { # python3 helper: groups|dups|kill  (processes carrying PROCRUST_UID=$uid)
    python3 - "$uid" "$1" <<'PY'
import os, sys, signal
uid, what = sys.argv[1], sys.argv[2]
entry = ("PROCRUST_UID=" + uid).encode()
groups = {}
for d in os.listdir("/proc"):
    if not d.isdigit():
        continue
    try:
        env = open("/proc/%s/environ" % d, "rb").read().split(b"\0")
        if entry not in env:
            continue
        stat = open("/proc/%s/stat" % d).read()
        f = stat[stat.rindex(")") + 2:].split()
        if f[0] == "Z" or f[2] != f[3]:
            continue
        if any(e.startswith(b"PROCRUST_HEALTH_CHECK=") for e in env):
            continue
        pid_id = next((e[12:].decode() for e in env if e.startswith(b"PROCRUST_ID=")), "?")
        groups.setdefault(pid_id, set()).add(int(f[2]))
    except (OSError, ValueError):
        pass
if what == "groups":
    print(sum(len(g) for g in groups.values()))
elif what == "dups":
    for k, g in sorted(groups.items()):
        if len(g) > 1:
            print("%s: groups %s" % (k, sorted(g)))
elif what == "kill":
    for g in {p for gs in groups.values() for p in gs}:
        try:
            os.killpg(g, signal.SIGKILL)
        except OSError:
            pass
PY
}

cleanup() {
    [[ -n "$checker_pid" ]] && kill "$checker_pid" 2>/dev/null || true
    if [[ -n "$apply_pid" ]]; then
        kill -TERM "$apply_pid" 2>/dev/null || true
        wait "$apply_pid" 2>/dev/null || true
    fi
    scan kill || true
    sleep 0.5
    scan kill || true
    rm -rf "$tmp"
}
trap cleanup EXIT

t0=$(date -u +%s)
minutes=$(( duration / 60 + 2 ))
{
    printf 'uid = "%s"\nfile_format = "0"\ntimezone = "UTC"\n\n' "$uid"
    for i in $(seq 1 40); do
        printf '[[process]]\nid = "idle-%02d"\ncommand = "exec sleep 100000"\napply_on = "2024-01-01T00:00:00"\n\n' "$i"
    done
    for i in $(seq 1 5); do
        # runs 2-5 s, then crashes; restarted at once each time (failures never make it FAILED)
        printf '[[process]]\nid = "crasher-%d"\ncommand = "sleep %d; exit 3"\napply_on = "2024-01-01T00:00:00"\n' "$i" $(( 1 + i ))
        printf 'restart = { delay = "100ms", max_delay = "1s", max_attempts = 1000000000 }\n\n'
    done
    for i in $(seq 1 5); do
        printf '[[process]]\nid = "rolling-%d"\ncommand = "exec sleep 100000"\napply_on = "2024-01-01T00:00:00"\n\n' "$i"
        for m in $(seq 1 "$minutes"); do
            at=$(date -u -d "@$(( t0 + m * 60 + i * 7 ))" +%Y-%m-%dT%H:%M:%S)
            printf '[[process]]\nid = "rolling-%d"\ncommand = "exec sleep 100000"\napply_on = "%s"\nstop_timeout = "2s"\n\n' "$i" "$at"
        done
    done
} > "$tmp/procrust.toml"

"$procrust" check -c "$tmp/procrust.toml" >/dev/null
"$procrust" --version >/dev/null   # builds and warms the class-data archive first
"$procrust" apply -c "$tmp/procrust.toml" --state-dir "$state" 2>"$tmp/apply.log" &
apply_pid=$!

# duplicates every 2 s, all along
( while sleep 2; do scan dups | sed "s/^/$(date -u +%H:%M:%S) duplicate: /"; done ) >"$tmp/dups.log" 2>/dev/null &
checker_pid=$!

sample() { # minute rss_kib fds threads groups restarts
    local rss fds thr groups restarts
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$apply_pid/status")
    fds=$(ls "/proc/$apply_pid/fd" | wc -l)
    thr=$(awk '/Threads/ {print $2}' "/proc/$apply_pid/status")
    groups=$(scan groups)
    restarts=$(python3 "$root/bench/state_view.py" "$state/$uid" 2>/dev/null \
        | python3 -c 'import json,sys; print(sum(r.get("restarts",0) for r in json.load(sys.stdin).get("instances",[])))' \
        2>/dev/null || echo 0)
    printf '| %d | %d | %d | %d | %d | %d |\n' "$1" $(( rss / 1024 )) "$fds" "$thr" "$groups" "$restarts"
}

table="$tmp/table.md"
printf '| minute | RSS MiB | fds | threads | service groups | restarts so far |\n|---|---|---|---|---|---|\n' > "$table"
sleep 60
end=$(( $(date -u +%s) + duration - 60 ))
m=1
while :; do
    kill -0 "$apply_pid" 2>/dev/null || { echo "apply died" >&2; tail -20 "$tmp/apply.log" >&2; exit 1; }
    sample "$m" | tee -a "$table"
    (( $(date -u +%s) >= end )) && break
    sleep 60
    m=$((m + 1))
done

crashes=$(grep -c -E ' (crashed|start-failed|exited) crasher-' "$tmp/apply.log" || true)
starts=$(grep -c -E ' started crasher-' "$tmp/apply.log" || true)
switches=$(grep -c -E ' stopping rolling-.*replaced by version' "$tmp/apply.log" || true)
failed=$(grep -c -E ' failed crasher-' "$tmp/apply.log" || true)
dups=$(wc -l < "$tmp/dups.log")
first=$(sed -n 3p "$table"); last=$(tail -n 1 "$table")
summary=$(cat <<EOT

$(date -u +%Y-%m-%d) soak: $(( duration / 60 )) minutes, 50 services (40 idle, 5 crashing every 2-6 s, 5 with a new version every minute)
- crasher exits seen: $crashes; crasher starts: $starts (the first start of each included); FAILED: $failed
- version switches (stop old, then start new): $switches
- duplicate process groups seen (checked every 2 s): $dups
- first sample: $first
- last sample:  $last
EOT
)
echo "$summary"
[[ $dups -gt 0 ]] && head -5 "$tmp/dups.log"
if [[ -n "$out" ]]; then
    { cat "$table"; echo "$summary"; } > "$out"
fi
