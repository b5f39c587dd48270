#!/usr/bin/env bash
# procrust vs supervisord, side by side on the same workload (issue 6; results in docs/benchmarks.md).
#
#   bench/supervisor-compare.sh            # the full run: 5 pairs, 60 s idle windows (~40 minutes)
#   bench/supervisor-compare.sh --quick    # a smoke run of the harness: 1 pair, short windows
#   bench/supervisor-compare.sh --reps 7 --window 120 --sizes 100   # any option of bench/compare/main.py
#
# Installs Debian's `supervisor` with apt-get when supervisord is missing (never starting its system
# service), builds procrust, then runs bench/compare/main.py. Every supervisor runs as an ordinary
# process with its own config, socket, pid file, state and logs in one temporary folder; every
# process started is ended by pid or process group on exit, Ctrl-C or failure.
# Needs: Linux, bash, python3 (standard library only), a JDK 17, apt-get (only to install supervisor).
# Results: bench/out/supervisor-compare-<time>.{json,md}.
set -euo pipefail
root=$(cd -- "$(dirname -- "$(readlink -f -- "${BASH_SOURCE[0]}")")/.." && pwd)
cd "$root"

args=("$@")
if [[ "${1:-}" == "--quick" ]]; then
    args=(--reps 1 --window 10 --after-window 5 --settle 2 "${@:2}")
fi

python=$(command -v /usr/bin/python3 || command -v python3)

# --- supervisor, from the distribution, without its service ---------------------------------------
if ! command -v supervisord >/dev/null 2>&1; then
    sudo=()
    [[ $(id -u) -eq 0 ]] || sudo=(sudo)
    echo "supervisor-compare: installing supervisor with apt-get (its system service is not started)" >&2
    # invoke-rc.d and deb-systemd-invoke ask policy-rc.d; exit 101 = "do not start services now"
    policy=/usr/sbin/policy-rc.d
    made_policy=
    if [[ ! -e $policy ]]; then
        printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee "$policy" >/dev/null
        "${sudo[@]}" chmod 755 "$policy"
        made_policy=1
    fi
    rc=0
    "${sudo[@]}" apt-get install -y --no-install-recommends supervisor >&2 || rc=$?
    [[ -z $made_policy ]] || "${sudo[@]}" rm -f "$policy"
    [[ $rc -eq 0 ]] || { echo "supervisor-compare: apt-get install supervisor failed" >&2; exit 1; }
fi

# --- procrust, built once before anything is timed (the first run also writes the CDS archive) ----
./mvnw -q -B -DskipTests -Dmaven.test.skip=true package >&2
bin/procrust --version >/dev/null

# --- the run, in a private temporary folder --------------------------------------------------------
work=$(mktemp -d "${TMPDIR:-/tmp}/procrust-bench.XXXXXX")
chmod 700 "$work"
driver=
cleanup() {
    # the driver ends its own processes; this is for when it could not (killed with -9)
    if [[ -n $driver ]] && kill -0 "$driver" 2>/dev/null; then
        kill -TERM "$driver" 2>/dev/null || true
        wait "$driver" 2>/dev/null || true
    fi
    "$python" "$root/bench/compare/main.py" --repo "$root" --workdir "$work" --out "$root/bench/out" --cleanup || true
    if [[ -z "${KEEP_WORKDIR:-}" ]]; then rm -rf -- "$work"; else echo "kept $work" >&2; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

"$python" "$root/bench/compare/main.py" --repo "$root" --workdir "$work" --out "$root/bench/out" \
    ${args[@]+"${args[@]}"} &
driver=$!
wait "$driver"
