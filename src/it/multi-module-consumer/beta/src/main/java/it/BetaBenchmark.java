package it;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.infra.Blackhole;

public class BetaBenchmark {

    @Benchmark
    public void work() {
        Blackhole.consumeCPU(100);
    }
}
