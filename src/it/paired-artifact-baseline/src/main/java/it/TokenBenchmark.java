package it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.infra.Blackhole;

/** CPU work whose size is built into the jar (it/work.properties, filtered from -Dit.work), so two jars differ by code. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TokenBenchmark {

    static final int WORK = work();

    private static int work() {
        try (InputStream in = TokenBenchmark.class.getResourceAsStream("/it/work.properties")) {
            Properties p = new Properties();
            p.load(in);
            return Integer.parseInt(p.getProperty("work").trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Benchmark
    public void tokens() {
        Blackhole.consumeCPU(WORK);
    }

    @Benchmark
    public void fixed() {
        Blackhole.consumeCPU(800);
    }
}
