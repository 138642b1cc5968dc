package it;

import org.openjdk.jmh.annotations.Benchmark;

/**
 * Asks for one array larger than the whole heap (-Xmx48m), so the OutOfMemoryError is thrown in the
 * benchmark thread on the first invocation. (A benchmark that fills the heap bit by bit can make
 * another thread of the benchmark JVM, JMH's own, the one that runs out; that JVM then dies without
 * a report and the test would depend on which thread loses.)
 */
public class HoardingBenchmark {

    @Benchmark
    public long[] hoard() {
        return new long[16 * 1024 * 1024]; // 128 MB
    }
}
