#!/usr/bin/env bash
# CPU time (user + sys, whole process) of `procrust timeline --days 30` beside `procrust check` on the
# same file of PROCESSES processes with windows and versions; the difference is what the timeline
# costs beyond reading and validating the file. Median of RUNS runs of each, interleaved.
# Usage: bench/timeline-bench.sh [PROCESSES (default 1000)] ; results in bench/out/timeline-bench.txt
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
runs=${RUNS:-7}
out=bench/out
mkdir -p "$out"
file="$out/timeline-$n.toml"

# --- n ids: five kinds of schedule, a third with a second version inside the 30 days, some fakes -------
{
    echo 'uid = "550e8400-e29b-41d4-a716-446655440000"'
    echo 'file_format = "0"'
    echo 'timezone = "Europe/Madrid"'
    for ((i = 0; i < n; i++)); do
        printf '\n[[process]]\nid = "svc-%d"\ncommand = "exec sleep 100000"\napply_on = "2024-10-01T12:00:00"\n' "$i"
        case $((i % 5)) in
            0) printf 'schedule = { start_time = "08:00", stop_time = "18:00", week_days = "mon-fri" }\n' ;;
            1) printf 'schedule = { start_time = "22:00", stop_time = "06:00" }\n' ;;
            2) printf 'schedule = { start_time = "%02d:15", stop_time = "%02d:45", week_days = ["mon", "wed-fri"] }\n' \
                $((i % 24)) $(((i + 3) % 24)) ;;
            3) printf 'schedule = { start_time = "00:00", week_days = "sat-mon" }\n' ;;
        esac
        if ((i % 3 == 0)); then
            printf '\n[[process]]\nid = "svc-%d"\ncommand = "exec sleep 100001"\napply_on = "2026-10-%02dT%02d:30:00"\n' \
                "$i" $((10 + i % 20)) $((i % 24))
            printf 'schedule = { start_time = "09:00", stop_time = "17:00", week_days = "mon-fri" }\n'
        fi
        if ((i % 7 == 0)); then
            printf '\n[[process]]\nid = "svc-%d"\ncommand = "exec false"\napply_on = "2026-10-20T00:00:00"\ntype = "fake"\n' "$i"
        fi
    done
} >"$file"

bin/procrust --version >/dev/null
check="bin/procrust check -c $file"
timeline="bin/procrust timeline -c $file --from 2026-10-05T00:00:00 --days 30"
$timeline >"$out/timeline-$n.txt"
$timeline --format json >"$out/timeline-$n.json"
echo "intervals: $(grep -o '"start"' "$out/timeline-$n.json" | wc -l)" >&2

cpu() { # user+sys seconds of one run
    /usr/bin/time -f '%U %S' "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.2f\n", $1 + $2}'
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
c=() t=() tj=()
for ((r = 0; r < runs; r++)); do
    c+=("$(cpu $check)")
    t+=("$(cpu $timeline)")
    tj+=("$(cpu $timeline --format json)")
done
mc=$(printf '%s\n' "${c[@]}" | median)
mt=$(printf '%s\n' "${t[@]}" | median)
mj=$(printf '%s\n' "${tj[@]}" | median)
{
    echo "# timeline-bench: $(date -u +%Y-%m-%dT%H:%M:%SZ), $n processes, $runs runs; load: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "| command | CPU (user + sys), median | beyond check |"
    echo "|---|---|---|"
    echo "| procrust check | $mc s | - |"
    echo "| procrust timeline --days 30 (text) | $mt s | $(awk "BEGIN {printf \"%.2f\", $mt - $mc}") s |"
    echo "| procrust timeline --days 30 --format json | $mj s | $(awk "BEGIN {printf \"%.2f\", $mj - $mc}") s |"
} | tee "$out/timeline-bench.txt"
