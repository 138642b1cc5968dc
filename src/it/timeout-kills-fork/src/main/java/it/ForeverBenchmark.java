package it;

import org.openjdk.jmh.annotations.Benchmark;

public class ForeverBenchmark {

    static volatile boolean stop;

    @Benchmark
    public long spin() {
        long n = 0;
        while (!stop) {
            n++;
        }
        return n;
    }
}
