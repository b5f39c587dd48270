package procrust.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import procrust.plan.Plan;
import procrust.plan.Planner;

/**
 * In-process planning time for 1,000 to 100,000 processes (see docs/benchmarks.md, section "plan"), with
 * the serial collector that bin/procrust uses, so collection time counts in the figures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:+UseSerialGC"})
public class PlanBenchmark {

    @Param({"1000", "10000", "100000"})
    int processes;

    Fleet fleet;

    @Setup
    public void setUp() {
        fleet = Fleet.generate(processes, 42);
    }

    @Benchmark
    public Plan plan() {
        return Planner.plan(fleet.config(), fleet.observed(), fleet.at());
    }
}
