#!/usr/bin/env bash
# Measures a long-running `procrust apply`:
#   1. RSS and CPU of apply supervising N idle services (default 100) over a window (default 60 s);
#   2. the time from a service's crash (SIGKILL of its process) to its restart, with restart
#      delay 0 (procrust's own latency) and with the default 1 s delay.
# Everything runs in a temporary folder; every process started is ended at the end (by process
# group, from the state file). Usage: bench/apply-idle.sh [N] [SECONDS]
# CRASH=0 skips part 2; PROCRUST_JAVA_OPTS passes JVM flags to procrust (e.g. heap sizing).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-100}
window=${2:-60}
tmp=$(mktemp -d)
uid=$(cat /proc/sys/kernel/random/uuid)
state="$tmp/state"
procrust="$root/bin/procrust"
apply_pid=""

view() { python3 "$root/bench/state_view.py" "$state/$uid"; } # state.json with its journal applied

cleanup() {
    [[ -n "$apply_pid" ]] && kill -TERM "$apply_pid" 2>/dev/null && wait "$apply_pid" 2>/dev/null || true
    if [[ -f "$state/$uid/state.json" ]]; then
        for pid in $(view | grep -o '"pid" : [0-9]*' | awk '{print $3}'); do
            kill -KILL -- "-$pid" 2>/dev/null || true
        done
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT

{
    printf 'uid = "%s"\nfile_format = "0"\n\n' "$uid"
    for i in $(seq 1 "$n"); do
        printf '[[process]]\nid = "idle-%03d"\ncommand = "exec sleep 100000"\napply_on = "2024-01-01T00:00:00"\n\n' "$i"
    done
    printf '[[process]]\nid = "crash0"\ncommand = "date +%%s%%N >> %s/crash0.starts; exec sleep 100000"\napply_on = "2024-01-01T00:00:00"\nrestart = { delay = 0 }\n\n' "$tmp"
    printf '[[process]]\nid = "crash1"\ncommand = "date +%%s%%N >> %s/crash1.starts; exec sleep 100000"\napply_on = "2024-01-01T00:00:00"\n\n' "$tmp"
} > "$tmp/procrust.toml"

running() { view 2>/dev/null | grep -c '"state" : "RUNNING"' || true; }
pid_of() { # pid of a process id in the state file
    view | python3 -c 'import json,sys; s=json.load(sys.stdin); print(next(r["pid"] for r in s["instances"] if r["id"]==sys.argv[1]))' "$1"
}
ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }

"$procrust" --version >/dev/null   # builds and warms the class-data archive first
t_start=$(date +%s%N)
"$procrust" apply -c "$tmp/procrust.toml" --state-dir "$state" 2>"$tmp/apply.log" &
apply_pid=$!
while [[ $(running) -lt $((n + 2)) ]]; do sleep 0.2; done
t_up=$(date +%s%N)
echo "started $((n + 2)) services one at a time in $(( (t_up - t_start) / 1000000 )) ms (JVM start included)"

sleep 5 # let start-up settle
hz=$(getconf CLK_TCK)
c0=$(ticks "$apply_pid"); t0=$(date +%s%N)
max_rss=0
for _ in $(seq 1 "$window"); do
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$apply_pid/status")
    (( rss > max_rss )) && max_rss=$rss
    sleep 1
done
c1=$(ticks "$apply_pid"); t1=$(date +%s%N)
secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", (b-a)/1e9}')
cpu_ms=$(( (c1 - c0) * 1000 / hz ))
echo "idle with $((n + 2)) services over ${secs} s: CPU ${cpu_ms} ms ($(awk -v c="$cpu_ms" -v s="$secs" 'BEGIN {printf "%.2f", c/10/s}')% of one core), RSS max $((max_rss / 1024)) MiB, now $(( $(awk '/VmRSS/ {print $2}' "/proc/$apply_pid/status") / 1024 )) MiB, threads $(awk '/Threads/ {print $2}' "/proc/$apply_pid/status")"

measure() { # id runs: crash the service, time until its next start line
    local id=$1 runs=$2 out=()
    for _ in $(seq 1 "$runs"); do
        local before pid k
        before=$(wc -l < "$tmp/$id.starts")
        pid=$(pid_of "$id")
        k=$(date +%s%N)
        kill -KILL "$pid"
        while [[ $(wc -l < "$tmp/$id.starts") -le $before ]]; do sleep 0.01; done
        out+=($(( ($(tail -n 1 "$tmp/$id.starts") - k) / 1000000 )))
        sleep 12 # a stable run, so the next crash is a first failure again
    done
    printf '%s\n' "${out[@]}" | sort -n | awk -v id="$id" '{a[NR]=$1} END {printf "%s: crash to restart min %d ms, median %d ms, max %d ms (%d runs)\n", id, a[1], a[int((NR+1)/2)], a[NR], NR}'
}
if [[ "${CRASH:-1}" != 0 ]]; then
    measure crash0 5
    measure crash1 3
fi
