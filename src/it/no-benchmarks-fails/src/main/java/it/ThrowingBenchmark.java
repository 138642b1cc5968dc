package it;

import org.openjdk.jmh.annotations.Benchmark;

public class ThrowingBenchmark {

    @Benchmark
    public void explode() {
        throw new IllegalStateException("the benchmark broke on purpose");
    }
}
