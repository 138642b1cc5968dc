package it;

import org.openjdk.jmh.annotations.Benchmark;

public class ExitingBenchmark {

    @Benchmark
    public void leave() {
        System.exit(3);
    }
}
