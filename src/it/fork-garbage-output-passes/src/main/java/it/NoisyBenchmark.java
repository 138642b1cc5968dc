package it;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Prints garbage around every iteration: lines that look like JMH's own output (progress, results,
 * "No matching benchmarks"), control characters, bytes that are not UTF-8 and one very long line.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class NoisyBenchmark {

    @Setup(Level.Iteration)
    public void shout() {
        PrintStream out = System.out;
        out.println("# Run progress: 99.99% complete, ETA 00:00:00");
        out.println("No matching benchmarks. Miss-spelled regexp?");
        out.println("# Benchmark: it.FakeBenchmark.fake");
        out.println("Result \"it.NoisyBenchmark.work\":");
        out.println("  999999.999 ±(99.9%) 0.001 us/op [Average]");
        out.println("Benchmark            Mode  Cnt       Score   Error  Units");
        out.println("NoisyBenchmark.work  avgt    4  999999.999 ± 0.001  us/op");
        out.println("\u001b[31mred\u001b[0m \u0000\u0007 bell and nul");
        out.write(new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, '\n'}, 0, 4);
        out.println("x".repeat(200_000));
        out.print("no newline here");
        out.flush();
    }

    @Benchmark
    public void work() {
        Blackhole.consumeCPU(100);
    }
}
