#!/usr/bin/env bash
# Benchmark of `procrust check` as a whole process: wall time and peak RSS (median of RUNS runs) on
# generated files of 10, 1,000, 10,000 and 100,000 processes (dependencies, schedules, health checks,
# second versions), beside a bare JVM start (a hello-world jar, same JVM flags as bin/procrust) and
# `taplo check --schema` (@taplo/cli from npm, the TOML schema checker editors use) on the same files.
# Prints a Markdown table (also written to bench/out/check-results.md).
#
# Needs: a JDK, GNU time (Debian: apt-get install time), npm (for taplo).
# Usage: bench/check-bench.sh [SIZES...]      e.g. bench/check-bench.sh 10 1000
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=$root/bench/out
mkdir -p "$out/files"
RUNS=${RUNS:-5}
sizes=("$@")
((${#sizes[@]})) || sizes=(10 1000 10000 100000)

need() { command -v "$1" >/dev/null 2>&1 || { echo "bench: $1 is needed ($2)" >&2; exit 1; }; }
need /usr/bin/time "apt-get install time"
need javac "a JDK"
need npm "apt-get install npm"

# --- tools --------------------------------------------------------------------------------------
bin/procrust uid >/dev/null                     # builds the jar and the class-data archive if needed
taplo=$out/taplo/node_modules/.bin/taplo
if [[ ! -x "$taplo" ]]; then
    mkdir -p "$out/taplo"
    (cd "$out/taplo" && npm install --no-audit --no-fund --silent @taplo/cli@0.7.0 >&2)
fi
if [[ ! -f "$out/hello.jar" ]]; then
    mkdir -p "$out/hello"
    printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' \
        >"$out/hello/Hello.java"
    javac -d "$out/hello" "$out/hello/Hello.java"
    jar --create --file "$out/hello.jar" --main-class Hello -C "$out/hello" Hello.class
fi
# the JVM flags of bin/procrust, without its application class-data archive
jvm=(java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -jar "$out/hello.jar")
schema="file://$root/schema/procrust.schema.json"

# --- files --------------------------------------------------------------------------------------
gen() { bench/gen-procs.sh "$1"; }

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# wall time in ms and peak RSS in MiB: one warm-up run, then the medians of RUNS runs of GNU time
measure() {
    "$@" >/dev/null 2>&1 || true
    local runs
    runs=$(for _ in $(seq "$RUNS"); do /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1; done)
    local ms rss
    ms=$(awk '{ printf "%.0f\n", $1 * 1000 }' <<<"$runs" | median)
    rss=$(awk '{ print $2 }' <<<"$runs" | median)
    echo "$ms $((rss / 1024))"
}

# taplo grows much faster than linearly: a run over SLOW s is measured once (said in the table), and
# one over TAPLO_TIMEOUT s is stopped and reported as such
SLOW=${SLOW:-60}
TAPLO_TIMEOUT=${TAPLO_TIMEOUT:-900}
measure_bounded() {
    local first rc=0
    first=$(/usr/bin/time -f "%e %M %x" timeout "$TAPLO_TIMEOUT" "$@" 2>&1 >/dev/null | tail -1) || true
    read -r secs rss code <<<"$first"
    if [[ "$code" == 124 ]]; then
        echo "> ${TAPLO_TIMEOUT} s (stopped)|-"
    elif awk -v s="$secs" -v slow="$SLOW" 'BEGIN { exit !(s > slow) }'; then
        echo "$(awk -v s="$secs" 'BEGIN { printf "%.0f", s * 1000 }') ms (1 run)|$((rss / 1024)) MiB"
    else
        read -r ms mib < <(measure "$@")
        echo "$ms ms|$mib MiB"
    fi
}

echo "bench: bare JVM start..." >&2
read -r jvm_ms jvm_mib < <(measure "${jvm[@]}")

{
    echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
    echo "Date: $(date -u +%Y-%m-%d), $(java -version 2>&1 | head -1), taplo $("$taplo" --version | awk '{print $2}'), median of $RUNS runs, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "Bare JVM start (hello-world jar): $jvm_ms ms, $jvm_mib MiB"
    echo
    echo "| processes | entries | file | procrust check | x JVM start | peak RSS | taplo check --schema | taplo RSS |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
} | tee "$out/check-results.md"

for n in "${sizes[@]}"; do
    f=$out/files/procs-$n.toml
    [[ -f "$f" ]] || gen "$n" >"$f"
    entries=$(grep -c '^\[\[process\]\]' "$f")
    size=$(du -h "$f" | cut -f1)
    echo "bench: $n processes..." >&2
    bin/procrust check -c "$f" >/dev/null || { echo "bench: $f is not valid" >&2; bin/procrust check -c "$f" | tail -3 >&2; exit 1; }
    read -r p_ms p_mib < <(measure bin/procrust check -c "$f")
    IFS='|' read -r t_time t_mem < <(measure_bounded "$taplo" check --schema "$schema" "$f")
    ratio=$(awk -v a="$p_ms" -v b="$jvm_ms" 'BEGIN { printf "%.1f", a / b }')
    echo "| $n | $entries | $size | $p_ms ms | $ratio | $p_mib MiB | $t_time | $t_mem |" | tee -a "$out/check-results.md"
done
printf "\nLoad average after: %s\n" "$(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/check-results.md"
