#!/usr/bin/env bash
# Start-up of the short commands as whole processes, each beside a bare JVM start measured in the same
# hyperfine run (issue 18): `procrust --version`, `check` of generated files of 10, 1,000 and 10,000
# processes (those of bench/check-bench.sh), `status` and `plan` of examples/quickstart.toml (no apply
# running: a fresh state folder), and the TUI's first screen (bench/tui-first-screen.py, on a pseudo
# terminal). The bare JVM start is a hello-world class with bin/procrust's flags for short commands,
# the JDK's default class-data archive, no application archive.
# BASE=/other/checkout adds the same commands run by that checkout's bin/procrust (before/after).
# Needs: hyperfine (apt-get install hyperfine), jq, python3 (TUI only).
# Usage: bench/startup-bench.sh ; RUNS=20 (default), RUNS_10000=5; results in bench/out/startup.{md,json}
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=$root/bench/out
mkdir -p "$out/files" "$out/hello"
runs=${RUNS:-20}
runs_big=${RUNS_10000:-5}
tui_runs=${TUI_RUNS:-10}
for tool in hyperfine jq; do
    command -v "$tool" >/dev/null || { echo "bench: $tool is needed (apt-get install $tool)" >&2; exit 1; }
done

java=$(command -v java)
[[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] && java="$JAVA_HOME/bin/java"
if [[ ! -f "$out/hello/Hello.class" ]]; then
    printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' \
        >"$out/hello/Hello.java"
    "${java%/java}/javac" -d "$out/hello" "$out/hello/Hello.java"
fi
bare="$java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -Xms64m -Xmx1g -XX:MaxMetaspaceSize=128m -XX:-UsePerfData -Xshare:auto -cp $out/hello Hello"

for n in 10 1000 10000; do
    f=$out/files/procs-$n.toml
    [[ -f "$f" ]] || bench/gen-procs.sh "$n" >"$f"
done
state=$(mktemp -d "${TMPDIR:-/tmp}/procrust-startup.XXXXXX")
trap 'rm -rf "$state"' EXIT
quick=$root/examples/quickstart.toml

# builds and makes the class-data archive first, so that no timed run does
launchers=("$root/bin/procrust")
[[ -n "${BASE:-}" ]] && launchers+=("$BASE/bin/procrust")
for l in "${launchers[@]}"; do
    "$l" --version >/dev/null
    "$l" check -c "$out/files/procs-10.toml" >/dev/null
done

label() { [[ "$1" == "$root/bin/procrust" ]] && echo "" || echo " (BASE)"; }
cmds=(-n "bare JVM start" "$bare")
big=(-n "bare JVM start" "$bare")
for l in "${launchers[@]}"; do
    s=$(label "$l")
    cmds+=(-n "procrust --version$s" "$l --version"
           -n "check, 10 processes$s" "$l check -c $out/files/procs-10.toml"
           -n "check, 1,000 processes$s" "$l check -c $out/files/procs-1000.toml"
           -n "status, quickstart$s" "$l -c $quick status --state-dir $state"
           -n "plan, quickstart$s" "$l -c $quick plan --state-dir $state")
    big+=(-n "check, 10,000 processes$s" "$l check -c $out/files/procs-10000.toml")
done

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
# status exits 3 (nothing running): -i
hyperfine -N -i --warmup 2 --runs "$runs" --export-json "$out/startup.json" "${cmds[@]}" >&2
hyperfine -N --warmup 1 --runs "$runs_big" --export-json "$out/startup-10000.json" "${big[@]}" >&2

tui=()
if command -v python3 >/dev/null; then
    for l in "${launchers[@]}"; do
        times=$(bench/tui-first-screen.py "$tui_runs" greeter "$l" -c "$quick" tui --state-dir "$state")
        tui+=("$(label "$l")|$(sort -n <<<"$times" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)], a[1]}')")
    done
fi
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

row() { # name median_ms min_ms cpu_ms bare_median
    awk -v n="$1" -v m="$2" -v lo="$3" -v c="$4" -v b="$5" \
        'BEGIN { printf "| %s | %.0f ms | %.0f ms | %s | %.1f |\n", n, m, lo, c == "" ? "-" : sprintf("%.0f ms", c), m / b }'
}
table() { # json -> rows; the bare start of the same run is the reference
    local b
    b=$(jq '.results[0].median * 1000' "$1")
    jq -r '.results[] | [.command, .median * 1000, .min * 1000, (.user + .system) * 1000] | @tsv' "$1" |
        while IFS=$'\t' read -r name med lo cpu; do row "$name" "$med" "$lo" "$cpu" "$b"; done
}
{
    echo "Date: $(date -u +%Y-%m-%dT%H:%MZ); $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1); $("$java" -version 2>&1 | head -1)"
    echo "Load average before: $load_before; after: $load_after. hyperfine -N, $runs runs ($runs_big for 10,000)."
    echo
    echo "| command | median wall | min | CPU (user + sys, mean) | x bare JVM start (medians, same run) |"
    echo "|---|---:|---:|---:|---:|"
    table "$out/startup.json"
    table "$out/startup-10000.json" | tail -n +2
    b=$(jq '.results[0].median * 1000' "$out/startup.json")
    for t in "${tui[@]}"; do
        IFS='|' read -r s vals <<<"$t"
        read -r med lo <<<"$vals"
        row "tui, first screen (quickstart, $tui_runs runs)$s" "$med" "$lo" "" "$b"
    done
} | tee "$out/startup.md"
