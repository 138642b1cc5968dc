package io.sabot.budget.core.fork;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;

/**
 * A benchmark with JVM arguments of its own, run for real by {@link ForkJvmArgumentsTest}: the
 * plugin's arguments must not replace them.
 */
@Fork(jvmArgsAppend = "-Dsabot.fixture.fromAnnotation=kept")
public class ForkArgsFixtureBenchmark {

    @Benchmark
    public String properties() {
        return System.getProperty("sabot.fixture.fromAnnotation") + System.getProperty("sabot.fixture.fromBudget");
    }
}
