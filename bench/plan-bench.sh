#!/usr/bin/env bash
# Whole-process `procrust plan` on a 1,000-process file, beside a bare JVM start, in the same run.
# Uses hyperfine when installed (Debian: apt-get install hyperfine), else /usr/bin/time over RUNS runs.
# Usage: bench/plan-bench.sh [PROCESSES (default 1000)] ; results in bench/out/plan-bench.{md,txt}
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
runs=${RUNS:-20}
out=bench/out
mkdir -p "$out"
file="$out/plan-$n.toml"

# --- a file of n processes: dependencies on earlier ids, four kinds of schedule, some versions -------
{
    echo 'uid = "550e8400-e29b-41d4-a716-446655440000"'
    echo 'file_format = "0"'
    echo 'timezone = "Europe/Madrid"'
    for ((i = 0; i < n; i++)); do
        if ((i % 10 == 3)); then
            printf '\n[[process]]\nid = "svc-%d"\ncommand = "exec sleep 100000"\napply_on = "2023-10-01T08:00:00"\n' "$i"
        fi
        printf '\n[[process]]\nid = "svc-%d"\ncommand = "exec sleep 100000"\napply_on = "2024-10-01T12:00:00"\n' "$i"
        if ((i > 0 && i % 3 == 0)); then
            printf 'depends_on = ["svc-%d", "svc-%d"]\n' $((i - 1)) $(((i * 7) % i))
        fi
        case $((i % 4)) in
            1) printf 'schedule = { start_time = "08:00", stop_time = "18:00", week_days = "mon-fri" }\n' ;;
            2) printf 'schedule = { start_time = "22:00", stop_time = "06:00" }\n' ;;
            3) printf '[process.start_health_check]\ncommand = "true"\ntimeout = "5s"\n' ;;
        esac
    done
} >"$file"

# --- build once, and let the launcher make its class-data archive before timing -----------------------
bin/procrust --version >/dev/null
bin/procrust plan -c "$file" --at 2024-10-07T09:00:00 --state-dir "$out/state" >"$out/plan-$n.txt"
grep -E 'to start' "$out/plan-$n.txt" >&2

java=$(command -v java)
[[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] && java="$JAVA_HOME/bin/java"
bare="$java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -version"
version="bin/procrust --version"
plan="bin/procrust plan -c $file --at 2024-10-07T09:00:00 --state-dir $out/state"
planjson="$plan --output json"

{
    echo "# plan-bench: $(date -u +%Y-%m-%dT%H:%M:%SZ), $n processes"
    echo "# $(uname -srm); $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
    echo "# $("$java" -version 2>&1 | head -1); load: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$out/plan-bench.txt"

if command -v hyperfine >/dev/null 2>&1; then
    hyperfine -N --warmup 3 --runs "$runs" --export-markdown "$out/plan-bench.md" \
        -n "bare JVM start (java -version)" "$bare" \
        -n "procrust --version" "$version" \
        -n "procrust plan ($n processes, text)" "$plan" \
        -n "procrust plan ($n processes, json)" "$planjson" | tee -a "$out/plan-bench.txt"
else
    # median wall time and max RSS of RUNS runs with /usr/bin/time
    measure() {
        local name=$1
        shift
        local times=() rss=0
        for ((r = 0; r < runs; r++)); do
            local line
            line=$(/usr/bin/time -f '%e %M' "$@" 2>&1 >/dev/null | tail -1)
            times+=("${line% *}")
            ((${line#* } > rss)) && rss=${line#* }
        done
        local median
        median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
        printf '| %s | %s s | %s MiB |\n' "$name" "$median" "$((rss / 1024))"
    }
    {
        echo "| command | median wall time ($runs runs) | max RSS |"
        echo "|---|---|---|"
        measure "bare JVM start (java -version)" $bare
        measure "procrust --version" $version
        measure "procrust plan ($n processes, text)" $plan
        measure "procrust plan ($n processes, json)" $planjson
    } | tee "$out/plan-bench.md" | tee -a "$out/plan-bench.txt"
fi
