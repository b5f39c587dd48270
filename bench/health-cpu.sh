#!/usr/bin/env bash
# CPU of a long-running `procrust apply` with N services (default 100) that each have an `http`
# liveness check every 10 s, against the same N with no check. The services are `sleep`s; every
# check GETs one python3 http.server on a loopback port from the kernel (the server's CPU is not
# counted: only apply's). CPU = utime+stime ticks of apply from /proc/PID/stat over a window
# (default 180 s) after a 20 s settle. Everything runs in a temporary folder and every process
# started is ended at the end (by process group, from the state file).
# Modes: none (no check), http (a GET; the server is python's http.server, HTTP/1.0, with a listen
# backlog of 128 like real servers: with http.server's own 5, the bursts of a hundred checks of one
# server overflow it and the kernel drops connections), tcp (a connect to the same server).
# SETTLE (seconds, default 20): the wait after the N are RUNNING, before the window.
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
        for pid in $(python3 "$root/bench/state_view.py" "$state/$uid" | grep -o '"pid" : [0-9]*' | awk '{print $3}'); do
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
python3 -c '
import functools, http.server, sys
class Server(http.server.ThreadingHTTPServer):
    request_queue_size = 128   # a listen backlog like real servers (nginx 511), not http.server'"'"'s 5
handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=sys.argv[2])
handler.func.log_message = lambda *a: None
Server(("127.0.0.1", int(sys.argv[1])), handler).serve_forever()
' "$port" "$tmp/www" >/dev/null 2>&1 &
server_pid=$!
"$procrust" --version >/dev/null   # builds and warms the class-data archive first
hz=$(getconf CLK_TCK)
ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
# "tid name ticks" per thread of PID (the name has its spaces made _), to see where the CPU goes
thread_ticks() {
    local t
    for t in /proc/"$1"/task/*; do
        printf '%s %s %s\n' "${t##*/}" "$(tr ' ' _ < "$t/comm" 2>/dev/null)" "$(sed 's/.*) //' "$t/stat" 2>/dev/null | awk '{print $12+$13}')"
    done | sort
}

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
    until [[ $(python3 "$root/bench/state_view.py" "$state/$uid" 2>/dev/null | grep -c '"state" : "RUNNING"') -ge $n ]]; do sleep 0.5; done
    sleep "${SETTLE:-20}"
    c0=$(ticks "$apply_pid"); t0=$(date +%s%N); threads0=$(thread_ticks "$apply_pid")
    sleep "$window"
    c1=$(ticks "$apply_pid"); t1=$(date +%s%N); threads1=$(thread_ticks "$apply_pid")
    secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", (b-a)/1e9}')
    cpu_ms=$(( (c1 - c0) * 1000 / hz ))
    checks=$(awk -v s="$secs" -v n="$n" -v m="$mode" 'BEGIN {print (m == "none") ? 0 : int(n * s / 10)}')
    printf '%-5s %d services, %s s: apply CPU %d ms = %s%% of one core; ~%d checks; threads %s; RSS %d MiB; failures logged %d\n' \
        "$mode" "$n" "$secs" "$cpu_ms" "$(awk -v c="$cpu_ms" -v s="$secs" 'BEGIN {printf "%.3f", c/10/s}')" "$checks" \
        "$(awk '/Threads/ {print $2}' "/proc/$apply_pid/status")" \
        "$(( $(awk '/VmRSS/ {print $2}' "/proc/$apply_pid/status") / 1024 ))" \
        "$(grep -c 'unhealthy' "$tmp/apply-$mode.log" || true)"
    # the threads that used CPU in the window (threads that came and went are not shown)
    join <(echo "$threads0") <(echo "$threads1") | awk -v hz="$hz" '$5 > $3 {printf "      %-18s %d ms\n", $2, ($5-$3)*1000/hz}' | sort -k2 -rn | head -8
    stop_all
done
