#!/usr/bin/env bash
# What user/group/umask/limits cost a start (docs/run-as.md). Two measurements:
#  1. the command line one start runs, from fork to the command (`true`), N times in a loop: before
#     (the bare gate: exec /bin/sh -c "$1"), with umask only, and after (umask + prlimit + setpriv),
#     plus the `getent passwd` procrust runs for an entry that names a user (kept 30 s: once per user);
#  2. `procrust apply --once` starting SERVICES services (`exec sleep 300`), RUNS times, without the
#     keys and with user = "nobody", umask, limits: wall time of the whole apply (JVM start included).
# Needs root (setpriv to nobody). Prints a Markdown table (also bench/out/start-results.md).
# Usage: bench/start-bench.sh            N=500 SERVICES=20 RUNS=5 by default; PROCRUST=/path/bin/procrust
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=$root/bench/out
mkdir -p "$out"
N=${N:-500}
SERVICES=${SERVICES:-20}
RUNS=${RUNS:-5}
[[ $(id -u) == 0 ]] || { echo "bench: run as root (setpriv to nobody)" >&2; exit 1; }
prlimit=$(command -v prlimit)
setpriv=$(command -v setpriv)

now() { date +%s%N; }
# "wall_us cpu_us" per run of "$@", mean of N runs; cpu = user + system time of the runs (children)
loop() {
    local r
    r=$( { /usr/bin/time -f "%e %U %S" bash -c 'for ((i = 0; i < '"$N"'; i++)); do "$@" >/dev/null 2>&1; done' _ "$@"; } 2>&1 >/dev/null | tail -1)
    awk -v n="$N" '{ printf "%d %d\n", $1 * 1e6 / n, ($2 + $3) * 1e6 / n }' <<<"$r"
}
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
gate_before='exec 0</dev/null; exec /bin/sh -c "$1"'
gate_umask='exec 0</dev/null; umask 0027; exec /bin/sh -c "$1"'
gate_after="exec 0</dev/null; umask 0027; exec $prlimit --nofile=1024:1024 -- $setpriv --reuid=65534 --regid=65534 --init-groups -- /bin/sh -c \"\$1\""

# the variants interleaved (ABC ABC ABC), so that a change of load hits them alike; medians
declare -A wall cpu
for round in 1 2 3; do
    for v in before umask after getent; do
        case $v in
            before) m=$(loop setsid -w /bin/sh -c "$gate_before" procrust-gate true) ;;
            umask) m=$(loop setsid -w /bin/sh -c "$gate_umask" procrust-gate true) ;;
            after) m=$(loop setsid -w /bin/sh -c "$gate_after" procrust-gate true) ;;
            getent) m=$(loop getent passwd nobody) ;;
        esac
        wall[$v]+="${m% *} "
        cpu[$v]+="${m#* } "
    done
done
for v in before umask after getent; do
    read -r -a w <<<"${wall[$v]}"; read -r -a c <<<"${cpu[$v]}"
    printf -v "w_$v" '%s' "$(printf '%s\n' "${w[@]}" | median)"
    printf -v "c_$v" '%s' "$(printf '%s\n' "${c[@]}" | median)"
done

# --- whole applies --------------------------------------------------------------------------------
procrust=${PROCRUST:-$root/bin/procrust} # PROCRUST: another build's launcher (a copy, while this tree changes)
"$procrust" uid >/dev/null # builds the jar if needed
apply_ms() { # $1 = extra lines per entry; prints "wall_ms cpu_ms" of one apply (RUNS=1)
    local extra=$1 times=() r d uid f
    for ((r = 0; r < RUNS; r++)); do
        d=$(mktemp -d /tmp/procrust-start-bench.XXXXXX)
        chmod 0755 "$d"
        uid=$("$procrust" uid)
        f=$d/procrust.toml
        { echo "uid = \"$uid\""; echo 'file_format = "0"'; echo
          for ((i = 0; i < SERVICES; i++)); do
              printf '[[process]]\nid = "s%d"\ncommand = "exec sleep 300"\napply_on = "2024-01-01T00:00:00"\n%b\n' "$i" "$extra"
          done; } >"$f"
        /usr/bin/time -o "$d/time" -f "%e %U %S" "$procrust" apply --once -c "$f" --state-dir "$d/state" \
            >/dev/null 2>&1 || true
        times+=("$(tail -1 "$d/time" | awk '{ printf "%d %d", $1 * 1000, ($2 + $3) * 1000 }')")
        "$procrust" stop --all -c "$f" --state-dir "$d/state" >/dev/null 2>&1 || true
        rm -rf "$d"
    done
    printf '%s\n' "${times[@]}" | head -1
}
extra='user = "nobody"\numask = "0027"\nlimits = { nofile = 1024 }'
plain_runs=() switched_runs=()
for ((k = 0; k < RUNS; k++)); do  # ABAB
    plain_runs+=("$(RUNS=1 apply_ms "")")
    switched_runs+=("$(RUNS=1 apply_ms "$extra")")
done
plain=$(printf '%s\n' "${plain_runs[@]}" | cut -d' ' -f1 | median)
switched=$(printf '%s\n' "${switched_runs[@]}" | cut -d' ' -f1 | median)
plain_cpu=$(printf '%s\n' "${plain_runs[@]}" | cut -d' ' -f2 | median)
switched_cpu=$(printf '%s\n' "${switched_runs[@]}" | cut -d' ' -f2 | median)
load=$(cut -d' ' -f1-3 /proc/loadavg)

{
    echo "| measurement | before | after | difference |"
    echo "|---|---|---|---|"
    echo "| one start's command line, fork to command: wall (median of 3 x mean of $N) | ${w_before} µs | ${w_after} µs (umask only: ${w_umask} µs) | +$((w_after - w_before)) µs |"
    echo "| the same, CPU time (user + system) | ${c_before} µs | ${c_after} µs (umask only: ${c_umask} µs) | +$((c_after - c_before)) µs |"
    echo "| \`getent passwd nobody\` (an entry with \`user\`; kept 30 s, so once per user), wall / CPU | - | ${w_getent} / ${c_getent} µs | |"
    echo "| \`apply --once\` starting $SERVICES services, wall (median of $RUNS, ABAB, JVM start included) | ${plain} ms | ${switched} ms | $((switched - plain)) ms ($(((switched - plain) * 1000 / SERVICES)) µs per start) |"
    echo "| the same, CPU time of procrust (user + system; the services' own is not counted) | ${plain_cpu} ms | ${switched_cpu} ms | $((switched_cpu - plain_cpu)) ms |"
    echo
    echo "Load average during the run: $load (2 cores)."
} | tee "$out/start-results.md"
