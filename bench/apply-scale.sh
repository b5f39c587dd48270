#!/usr/bin/env bash
# What one start and one restart cost in a long-running apply as the number of services grows
# (issue 18): bin/procrust apply of REPO on N services (`sh -c "sleep 1000000; : marker"`, as
# bench/supervisor-compare.sh --service sleep, restart delay 0), timed from its log; then 3 services'
# leaders killed with SIGKILL, each timed to its new "started" line. Prints the bring-up (launch to
# the last start), the median and p90 gap between two starts, apply's CPU (utime + stime) until then,
# and each restart. Every process started is ended on exit, Ctrl-C included (apply by pid, each
# service by its process group, all read from apply's log).
#
#   bench/apply-scale.sh REPO N [JVM options for PROCRUST_JAVA_OPTS...]
#
# REPO must be a frozen worktree (git worktree add --detach ...): bin/procrust rebuilds its jar when
# a source is newer, which must not happen in the middle of a timed run.
set -uo pipefail
repo=$(cd -- "$1" && pwd); n=$2; shift 2
work=$(mktemp -d "${TMPDIR:-/tmp}/procrust-scale.XXXXXX"); chmod 700 "$work"
cfg=$work/p.toml; log=$work/apply.log
uid=$(cat /proc/sys/kernel/random/uuid)
{ echo "uid = \"$uid\""; echo 'file_format = "0"'
  for ((i = 1; i <= n; i++)); do
      printf '\n[[process]]\nid = "s%04d"\ncommand = "sleep 1000000; : %s-%04d"\napply_on = "2020-01-01T00:00:00"\nrestart = { delay = "0s" }\n' \
          "$i" "$uid" "$i"
  done; } > "$cfg"
PROCRUST_JAVA_OPTS="$*" "$repo/bin/procrust" apply -c "$cfg" --state-dir "$work/state" > "$log" 2>&1 &
ap=$!
cleanup() {
    kill -TERM "$ap" 2>/dev/null; wait "$ap" 2>/dev/null
    for p in $(grep -o 'started s[0-9]*@[^ ]*: pid [0-9]*' "$log" | awk '{print $NF}' | sort -u); do
        kill -KILL -- "-$p" 2>/dev/null
    done
    rm -rf -- "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP
starts() { grep -c ' started ' "$log"; }
t0=$(date +%s%N); deadline=$((t0 + (60 + n / 10) * 1000000000))
while (( $(starts) < n )); do
    (( $(date +%s%N) < deadline )) || { echo "apply-scale: not all $n started in time" >&2; exit 1; }
    kill -0 "$ap" 2>/dev/null || { echo "apply-scale: apply ended: $(tail -3 "$log")" >&2; exit 1; }
    sleep 0.1
done
t1=$(date +%s%N)
cpu=$(awk '{print $14 + $15}' "/proc/$ap/stat")
python3 - "$log" "$n" "$(( (t1 - t0) / 1000000 ))" "$cpu" <<'PY'
import datetime, re, sys
log, n, wall_ms, ticks = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
ts = [datetime.datetime.fromisoformat(m.group(1).replace("Z", "+00:00")).timestamp()
      for m in (re.match(r"(\S+Z) INFO\s+started ", l) for l in open(log)) if m][:n]
gaps = sorted((b - a) * 1000 for a, b in zip(ts, ts[1:])) or [0.0]
print(f"{n} services: launch to last start {wall_ms / 1000:.2f} s (first to last start {ts[-1] - ts[0]:.2f} s); "
      f"one start: median {gaps[len(gaps) // 2]:.1f} ms, p90 {gaps[int(len(gaps) * 0.9)]:.1f} ms; "
      f"apply CPU until then {ticks / 100:.2f} s")
PY
sleep 3
for k in 1 2 3; do
    id=$(printf 's%04d' $((k * n / 4 > 0 ? k * n / 4 : 1)))
    pid=$(grep -o "started $id@[^ ]*: pid [0-9]*" "$log" | tail -1 | awk '{print $NF}')
    before=$(grep -c " started $id@" "$log")
    ts=$(date +%s%N); kill -KILL "$pid"
    until (( $(grep -c " started $id@" "$log") > before )); do
        (( $(date +%s%N) - ts < 30000000000 )) || { echo "apply-scale: $id not restarted in 30 s" >&2; exit 1; }
        sleep 0.005
    done
    te=$(date +%s%N)
    echo "restart of $id after kill -9: $(( (te - ts) / 1000000 )) ms; $(grep -E " (crashed|stopping|stopped|started) $id@" "$log" \
        | tail -4 | awk '{print substr($1, 12, 12), $3}' | paste -sd' ')"
    sleep 2
done
