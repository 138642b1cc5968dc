package it;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.infra.Blackhole;

/** CPU work of a known relative size: "large" does 16 times the work of "small". */
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WorkBenchmark {

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public void small() {
        Blackhole.consumeCPU(64);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public void large() {
        Blackhole.consumeCPU(1024);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void smallThroughput() {
        Blackhole.consumeCPU(64);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public void sampled() {
        Blackhole.consumeCPU(256);
    }
}
