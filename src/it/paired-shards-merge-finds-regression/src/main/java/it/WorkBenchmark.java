package it;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.infra.Blackhole;

/** Two CPU-bound benchmarks; prebuild.groovy commits a change that gives {@code work} 30% more tokens. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WorkBenchmark {

    static final int WORK = 1000;

    @Benchmark
    public void work() {
        Blackhole.consumeCPU(WORK);
    }

    @Benchmark
    public void steady() {
        Blackhole.consumeCPU(800);
    }
}
