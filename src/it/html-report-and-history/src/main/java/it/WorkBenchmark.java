package it;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.infra.Blackhole;

/** One average-time benchmark and one SampleTime benchmark, so the report draws both chart kinds. */
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WorkBenchmark {

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public void work() {
        Blackhole.consumeCPU(64);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public void sampled() {
        Blackhole.consumeCPU(256);
    }
}
