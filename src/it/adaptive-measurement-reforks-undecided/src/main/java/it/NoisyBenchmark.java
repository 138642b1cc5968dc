package it;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Two identical benchmarks whose work changes 30-fold from one iteration to the next, so "left at
 * least as fast as right" is a coin the first run cannot call: the budget stays undecided and
 * adaptive measurement forks both again. The work alternates (from a random start per fork) rather
 * than being drawn per iteration: drawn, one fork in about thirty had only cheap or only dear
 * iterations left after warm-up on one side and the other on the other, which decided the coin.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class NoisyBenchmark {

    @Param({"1", "2"})
    public int scale;

    private int tokens;
    private int iteration;

    @Setup(Level.Trial)
    public void pickStart() {
        iteration = ThreadLocalRandom.current().nextInt(2);
    }

    @Setup(Level.Iteration)
    public void pickWork() {
        tokens = scale * (iteration++ % 2 == 0 ? 100 : 3000);
    }

    @Benchmark
    public void left() {
        Blackhole.consumeCPU(tokens);
    }

    @Benchmark
    public void right() {
        Blackhole.consumeCPU(tokens);
    }
}
