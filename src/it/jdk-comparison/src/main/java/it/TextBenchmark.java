package it;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/** Work the JDK's own code does (string building and hashing), so two JDKs can differ; and plain CPU work. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TextBenchmark {

    private int counter;

    @Benchmark
    public int concatAndHash() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            text.append("item-").append(counter++ & 1023).append(',');
        }
        return text.toString().hashCode();
    }

    @Benchmark
    public void cpu() {
        Blackhole.consumeCPU(256);
    }
}
