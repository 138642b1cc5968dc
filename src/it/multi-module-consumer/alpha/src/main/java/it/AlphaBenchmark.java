package it;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.infra.Blackhole;

public class AlphaBenchmark {

    @Benchmark
    public void work() {
        Blackhole.consumeCPU(100);
    }
}
