package it;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.infra.Blackhole;

/** CPU work whose size the build sets with -Dbudget.jvmArgs=-Dit.work=N (default 500 tokens). */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WorkBenchmark {

    static final int WORK = Integer.getInteger("it.work", 500);

    @Benchmark
    public void work() {
        Blackhole.consumeCPU(WORK);
    }
}
