#!/usr/bin/env bash
# In-process planning benchmark (JMH): Planner.plan for 1,000, 10,000 and 100,000 processes.
# Usage: bench/plan-jmh.sh [JMH options, e.g. -p processes=10000 -f 1]
# Results: bench/out/plan-jmh.txt and bench/out/plan-cpu.txt (and the table in docs/benchmarks.md, section "plan").
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/out
./mvnw -q -B -Pbench -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile=bench/out/classpath.txt -Dmdep.includeScope=test >&2
cp="target/test-classes:target/classes:$(cat bench/out/classpath.txt)"
java -cp "$cp" org.openjdk.jmh.Main 'procrust.bench.PlanBenchmark' "$@" | tee bench/out/plan-jmh.txt
# CPU time per plan (whole JVM, collector included), steadier than wall time on a busy machine
java -Xmx2g -XX:+UseSerialGC -cp "$cp" procrust.bench.PlanCpuTime | tee bench/out/plan-cpu.txt
