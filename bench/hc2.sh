#!/usr/bin/env bash
# CPU of a long-running `procrust apply` with N services (default 100) that each have an `http`
# liveness check every 10 s, against the same N with no check. The services are `sleep`s; every
# check GETs one python3 http.server on a loopback port from the kernel (the server's CPU is not
# counted: only apply's). CPU = utime+stime ticks of apply from /proc/PID/stat over a window
# (default 180 s) after a 20 s settle. Everything runs in a temporary folder and every process
# started is ended at the end (by process group, from the state file).
# Usage: bench/health-cpu.sh [N] [SECONDS] [MODE...]   MODE: none, http, tcp (default: none http)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-100}
window=${2:-180}
shift $(( $# > 2 ? 2 : $# )) || true
modes=("$@")
[[ ${#modes[@]} -eq 0 ]] && modes=(none http)
tmp=$(mktemp -d)
procrust=${PROCRUST:-$root/bin/procrust}
apply_pid=""
server_pid=""
state=""
uid=""

stop_all() {
    if [[ -n "$apply_pid" ]]; then kill -TERM "$apply_pid" 2>/dev/null; wait "$apply_pid" 2>/dev/null || true; fi
    apply_pid=""
    if [[ -n "$state" && -f "$state/$uid/state.json" ]]; then
        for pid in $(grep -o '"pid" : [0-9]*' "$state/$uid/state.json" | awk '{print $3}'); do
            kill -KILL -- "-$pid" 2>/dev/null || true
        done
    fi
}
cleanup() {
    stop_all
    [[ -n "$server_pid" ]] && kill -KILL "$server_pid" 2>/dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$tmp/www" && echo ok > "$tmp/www/health"
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$tmp/www" >/dev/null 2>&1 &
server_pid=$!
"$procrust" --version >/dev/null   # builds and warms the class-data archive first
hz=$(getconf CLK_TCK)
ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }

for mode in "${modes[@]}"; do
    uid=$(cat /proc/sys/kernel/random/uuid)
    state="$tmp/state-$mode"
    {
        printf 'uid = "%s"\nfile_format = "0"\n\n' "$uid"
        for i in $(seq 1 "$n"); do
            printf '[[process]]\nid = "svc-%03d"\ncommand = "exec sleep 100000"\napply_on = "2024-01-01T00:00:00"\n' "$i"
            case "$mode" in
                http) printf 'health_check = { http = "http://127.0.0.1:%d/health", interval = "10s" }\n' "$port" ;;
                tcp) printf 'health_check = { tcp = "127.0.0.1:%d", interval = "10s" }\n' "$port" ;;
            esac
            printf '\n'
        done
    } > "$tmp/$mode.toml"
    "$procrust" apply -c "$tmp/$mode.toml" --state-dir "$state" 2>"$tmp/apply-$mode.log" &
    apply_pid=$!
    until [[ $(grep -c '"state" : "RUNNING"' "$state/$uid/state.json" 2>/dev/null || echo 0) -ge $n ]]; do sleep 0.5; done
    sleep 20
    c0=$(ticks "$apply_pid"); t0=$(date +%s%N); bash /tmp/thr.sh $apply_pid > /tmp/thr0
    sleep "$window"
    c1=$(ticks "$apply_pid"); t1=$(date +%s%N); bash /tmp/thr.sh $apply_pid > /tmp/thr1; join /tmp/thr0 /tmp/thr1 | awk '{d=$5-$3; if(d>0) print $2, d*10 " ms"}' | sort -k2 -rn | head -12
    secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", (b-a)/1e9}')
    cpu_ms=$(( (c1 - c0) * 1000 / hz ))
    checks=$(awk -v s="$secs" -v n="$n" -v m="$mode" 'BEGIN {print (m == "none") ? 0 : int(n * s / 10)}')
    printf '%-5s %d services, %s s: apply CPU %d ms = %s%% of one core; ~%d checks; threads %s; RSS %d MiB; failures logged %d\n' \
        "$mode" "$n" "$secs" "$cpu_ms" "$(awk -v c="$cpu_ms" -v s="$secs" 'BEGIN {printf "%.3f", c/10/s}')" "$checks" \
        "$(awk '/Threads/ {print $2}' "/proc/$apply_pid/status")" \
        "$(( $(awk '/VmRSS/ {print $2}' "/proc/$apply_pid/status") / 1024 ))" \
        "$(grep -c 'unhealthy' "$tmp/apply-$mode.log" || true)"
    stop_all
done
