#!/usr/bin/env bash
# A generated procrust file of N processes (dependencies, schedules, health checks, second versions), as
# bench/check-bench.sh and bench/startup-bench.sh time it. Usage: bench/gen-procs.sh N > FILE
set -euo pipefail
n=${1:?usage: bench/gen-procs.sh N}
awk -v n="$n" 'BEGIN {
    print "uid = \"550e8400-e29b-41d4-a716-446655440000\""
    print "file_format = \"0\""
    print "timezone = \"Europe/Madrid\""
    for (i = 0; i < n; i++) {
        print ""
        print "[[process]]"
        printf "id = \"svc-%d\"\n", i
        printf "command = \"while true; do echo svc-%d; sleep 60; done\"\n", i
        printf "apply_on = \"2024-%02d-%02dT%02d:%02d:00\"\n", i % 12 + 1, i % 28 + 1, i % 24, i % 60
        if (i >= 2) printf "depends_on = [\"svc-%d\", \"svc-%d\"]\n", i - 1, int(i / 2) - 1
        else if (i == 1) print "depends_on = [\"svc-0\"]"
        if (i % 3 == 0) {
            print "[process.schedule]"
            print "start_time = \"08:00\""
            print "stop_time = \"18:00\""
            print "week_days = [\"mon-fri\", \"sun\"]"
        }
        if (i % 4 == 0) {
            print "[process.start_health_check]"
            printf "command = \"test -e /run/svc-%d.ready\"\n", i
            print "timeout = { secs = 30, nanos = 0 }"
            print "interval = \"500ms\""
        }
        if (i % 10 == 0) {
            print ""
            print "[[process]]"
            printf "id = \"svc-%d\"\n", i
            printf "command = \"while true; do echo svc-%d v2; sleep 60; done\"\n", i
            print "apply_on = 2030-01-01T00:00:00"
            if (i >= 2) printf "depends_on = [\"svc-%d\"]\n", i - 1
            print "stop_timeout = \"20s\""
        }
    }
}'
