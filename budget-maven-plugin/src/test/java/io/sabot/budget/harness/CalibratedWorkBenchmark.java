package io.sabot.budget.harness;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The harness fixture: 20 benchmarks (one per {@code id}) whose cost is a fixed amount of dependent
 * arithmetic, from about 1 us (id 00) to about 100 us (id 19) on log-spaced steps. The system
 * property {@value #SLOWDOWN_PROPERTY} (a fraction, e.g. {@code 0.15}) multiplies the work by
 * {@code 1 + slowdown}, which is how the harness injects a known regression into a "build". Without
 * the property, the resource {@code harness-slowdown.properties} first on the classpath sets it: the
 * two sides of a paired build get the same JVM arguments, so there the slowdown comes with the
 * classpath, as a code change does.
 *
 * <p>Why the JIT cannot remove or shorten the work: every step depends on the previous one (a 64-bit
 * linear congruential step: multiply then add, no closed form the compiler knows), the loop count
 * and the seed are fields read at run time, and the result goes to a {@link Blackhole}. The cost is
 * therefore linear in the loop count; the harness checks that by reporting the slowdown it actually
 * measured next to the one it asked for.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CalibratedWorkBenchmark {

    static final String SLOWDOWN_PROPERTY = "harness.slowdown";

    @Param({"00", "01", "02", "03", "04", "05", "06", "07", "08", "09",
            "10", "11", "12", "13", "14", "15", "16", "17", "18", "19"})
    public String id;

    private long steps;
    private long seed;

    @Setup
    public void setUp() {
        steps = WorkSize.steps(Integer.parseInt(id), WorkSize.configuredSlowdown(System.getProperty(SLOWDOWN_PROPERTY),
                CalibratedWorkBenchmark.class.getClassLoader().getResource(WorkSize.RESOURCE)));
        seed = 0x9E3779B97F4A7C15L ^ System.nanoTime();
    }

    @Benchmark
    public void work(Blackhole blackhole) {
        long x = seed;
        for (long i = 0; i < steps; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        blackhole.consume(x);
    }
}
