package io.sabot.budget.harness;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The fixture's 20 benchmarks as 20 methods ({@code work00} .. {@code work19}) instead of one method
 * with 20 {@code @Param} values: the same work sizes ({@link WorkSize}), the same dependent
 * multiply-add chain as {@link CalibratedWorkBenchmark}, the same slowdown (system property, else the
 * classpath resource). The real builds of {@code --paired} use it because paired mode pairs benchmarks
 * by name: it cuts names into groups of three, one JMH run per group and side, so that a pair's two
 * forks run seconds apart. A {@code @Param} benchmark is one name, so the 20 values of
 * {@link CalibratedWorkBenchmark} would be one group of 20, its pairs some 35 s apart on this machine
 * and every adaptive round would re-run all 20 (see docs/verdict-quality.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CalibratedWorkMethods {

    private long[] steps;
    private long seed;

    @Setup
    public void setUp() {
        double slowdown = WorkSize.configuredSlowdown(System.getProperty(CalibratedWorkBenchmark.SLOWDOWN_PROPERTY),
                CalibratedWorkMethods.class.getClassLoader().getResource(WorkSize.RESOURCE));
        steps = new long[WorkSize.BENCHMARKS];
        for (int id = 0; id < WorkSize.BENCHMARKS; id++) {
            steps[id] = WorkSize.steps(id, slowdown);
        }
        seed = 0x9E3779B97F4A7C15L ^ System.nanoTime();
    }

    /** The chain of {@link CalibratedWorkBenchmark#work}: each step depends on the one before. */
    static long chain(long seed, long steps) {
        long x = seed;
        for (long i = 0; i < steps; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        return x;
    }

    @Benchmark
    public void work00(Blackhole blackhole) {
        blackhole.consume(chain(seed, steps[0]));
    }

    @Benchmark
    public void work01(Blackhole blackhole) {
        blackhole.consume(chain(seed, steps[1]));
    }

    @Benchmark
    public void work02(Blackhole blackhole) {
        blackhole.consume(chain(seed, steps[2]));
    }

    @Benchmark
    public void work03(Blackhole blackhole) {
        blackhole.consume(chain(seed, steps[3]));
    }

    @Benchmark
    public void work04(Blackhole blackhole) {
        blackhole.consume(chain(seed, steps[4]));
    }

    @Benchmark
    public void work05(Blackhole blackhole) {
        blackhole.consume(chain(seed, steps[5]));
    }

    @Benchmark
    public void work06(Blackhole blackhole) {
        blackhole.consume(chain(seed, steps[6]));
    }

    @Benchmark
    public void work07(Blackhole blackhole) {
        blackhole.consume(chain(seed, steps[7]));
    }

    @Benchmark
    public void work08(Blackhole blackhole) {
        blackhole.consume(chain(seed, steps[8]));
    }

    @Benchmark
    public void work09(Blackhole blackhole) {
        blackhole.consume(chain(seed, steps[9]));
    }

    @Benchmark
    public void work10(Blackhole blackhole) {
        blackhole.consume(chain(seed, steps[10]));
    }

    @Benchmark
    public void work11(Blackhole blackhole) {
        blackhole.consume(chain(seed, steps[11]));
    }

    @Benchmark
    public void work12(Blackhole blackhole) {
        blackhole.consume(chain(seed, steps[12]));
    }

    @Benchmark
    public void work13(Blackhole blackhole) {
        blackhole.consume(chain(seed, steps[13]));
    }

    @Benchmark
    public void work14(Blackhole blackhole) {
        blackhole.consume(chain(seed, steps[14]));
    }

    @Benchmark
    public void work15(Blackhole blackhole) {
        blackhole.consume(chain(seed, steps[15]));
    }

    @Benchmark
    public void work16(Blackhole blackhole) {
        blackhole.consume(chain(seed, steps[16]));
    }

    @Benchmark
    public void work17(Blackhole blackhole) {
        blackhole.consume(chain(seed, steps[17]));
    }

    @Benchmark
    public void work18(Blackhole blackhole) {
        blackhole.consume(chain(seed, steps[18]));
    }

    @Benchmark
    public void work19(Blackhole blackhole) {
        blackhole.consume(chain(seed, steps[19]));
    }
}
