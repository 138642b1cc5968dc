package it;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/** Two methods at three @Param values: six units of a sharded suite. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class ParamBenchmark {

    @Param({"100", "200", "400"})
    public int work;

    @Benchmark
    public void cpu() {
        Blackhole.consumeCPU(work);
    }

    @Benchmark
    public void cpuTwice() {
        Blackhole.consumeCPU(2L * work);
    }
}
