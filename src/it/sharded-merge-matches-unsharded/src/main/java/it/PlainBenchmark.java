package it;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.infra.Blackhole;

/** Two benchmarks without parameters: one unit each. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PlainBenchmark {

    @Benchmark
    public void small() {
        Blackhole.consumeCPU(50);
    }

    @Benchmark
    public void large() {
        Blackhole.consumeCPU(800);
    }
}
