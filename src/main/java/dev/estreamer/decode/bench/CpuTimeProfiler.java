package dev.estreamer.decode.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Operations per CPU-second of the benchmark JVM (GC and JIT included) next to JMH's per wall-second score.
 *
 * <p>On a shared machine the wall-clock score says how much CPU the benchmark got as much as how fast the code
 * is; dividing by the CPU time the process actually used gives a figure that moves far less between runs.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    /** Label of the secondary result. */
    public static final String OPS_PER_CPU_SECOND = "ops/cpu-s";
    public static final String CPU_SHARE = "cpu-share";

    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long cpuStart;
    private long wallStart;

    @Override
    public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {
        cpuStart = os.getProcessCpuTime();
        wallStart = System.nanoTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmark, IterationParams iteration,
                                                       IterationResult result) {
        long cpu = os.getProcessCpuTime() - cpuStart;
        long wall = System.nanoTime() - wallStart;
        double ops = result.getPrimaryResult().getScore() * wall / 1e9; // score is ops per wall-second
        return List.of(new ScalarResult(OPS_PER_CPU_SECOND, cpu <= 0 ? Double.NaN : ops * 1e9 / cpu, "ops/cpu-s",
                        AggregationPolicy.AVG),
                new ScalarResult(CPU_SHARE, (double) cpu / wall, "cpus", AggregationPolicy.AVG));
    }

    @Override
    public String getDescription() {
        return "operations per CPU-second of the whole benchmark JVM";
    }
}
