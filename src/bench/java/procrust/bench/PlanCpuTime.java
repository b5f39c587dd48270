package procrust.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import procrust.plan.Planner;

/**
 * Planning cost as CPU time of the whole JVM per plan (garbage collection included), for machines
 * where other work makes wall-clock figures (JMH) noisy: CPU time barely depends on how many other
 * processes share the cores. Warms up, then reports the median and best of several rounds.
 * Usage: PlanCpuTime [SIZES...] (default 1000 10000 100000).
 */
public final class PlanCpuTime {

    private PlanCpuTime() {
    }

    public static void main(String[] args) {
        String[] sizes = args.length == 0 ? new String[] {"1000", "10000", "100000"} : args;
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.println("| processes | CPU ms per plan (median of 7 rounds) | best round |");
        System.out.println("|---:|---:|---:|");
        for (String size : sizes) {
            int n = Integer.parseInt(size);
            Fleet fleet = Fleet.generate(n, 42);
            int reps = Math.max(1, 200_000 / n);
            for (int i = 0; i < 10 * reps; i++) {
                Planner.plan(fleet.config(), fleet.observed(), fleet.at());
            }
            double[] rounds = new double[7];
            for (int r = 0; r < rounds.length; r++) {
                long c0 = os.getProcessCpuTime();
                int sink = 0;
                for (int i = 0; i < reps; i++) {
                    sink += Planner.plan(fleet.config(), fleet.observed(), fleet.at()).actions().size();
                }
                rounds[r] = (os.getProcessCpuTime() - c0) / 1e6 / reps;
                if (sink == 42) {
                    System.out.print("");
                }
            }
            Arrays.sort(rounds);
            System.out.printf("| %,d | %.1f | %.1f |%n", n, rounds[rounds.length / 2], rounds[0]);
        }
    }
}
