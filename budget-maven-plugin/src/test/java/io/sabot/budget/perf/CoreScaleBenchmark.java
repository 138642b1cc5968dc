package io.sabot.budget.perf;

import io.sabot.budget.core.check.BudgetEvaluator;
import io.sabot.budget.core.check.Evaluation;
import io.sabot.budget.core.check.Statistics;
import io.sabot.budget.core.gate.BudgetGate;
import io.sabot.budget.core.gate.GateOutcome;
import io.sabot.budget.core.gate.GateSettings;
import io.sabot.budget.core.gate.StandardReporter;
import io.sabot.budget.core.io.BudgetFileParser;
import io.sabot.budget.core.io.ResultFiles;
import io.sabot.budget.core.model.BudgetFile;
import io.sabot.budget.core.model.RunResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The plugin's own performance: how the time of budget:compare grows with the size of the suite it judges
 * ({@link LargeSuite}: 100, 1,000 and 10,000 benchmarks, three forks of five iterations each, a regression
 * check per benchmark, a limit per class and an allocation budget per tenth class). Not part of any build;
 * the command and the figures are in docs/plugin-scale.md:
 * {@code java -cp <test classpath> org.openjdk.jmh.Main 'io.sabot.budget.perf.CoreScaleBenchmark'}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CoreScaleBenchmark {

    @Param({"100", "1000", "10000"})
    public int size;

    private Path directory;
    private LargeSuite suite;
    private BudgetFile budgets;
    private RunResults current;
    private RunResults baseline;
    private GateSettings settings;

    @Setup(Level.Trial)
    public void writeSuite() throws Exception {
        directory = Files.createTempDirectory("core-scale-");
        suite = LargeSuite.write(directory, size);
        budgets = BudgetFileParser.parse(suite.budgets);
        current = ResultFiles.read(suite.current);
        baseline = ResultFiles.read(suite.baseline);
        settings = new GateSettings(suite.budgets, true, suite.baseline, directory.resolve("budget"), false, false, false,
                Optional.empty(), Optional.empty(), "core-scale", Optional.empty(), 20);
    }

    @TearDown(Level.Trial)
    public void deleteSuite() throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** The whole of budget:compare without Maven: read both files and the budgets, evaluate, write the four reports, print the table. */
    @Benchmark
    public GateOutcome compare() throws Exception {
        StandardReporter reporter = new StandardReporter(settings, line -> { }, Instant.now(), List.of());
        return new BudgetGate(Statistics.standard(), null, reporter).compare(settings, suite.current, suite.baseline);
    }

    /** Only the evaluation (statistics and verdicts) of results already read: compare minus reading and reports. */
    @Benchmark
    public Evaluation evaluate() {
        return new BudgetEvaluator(Statistics.standard(), false).evaluate(budgets, current, Optional.of(baseline),
                current.environment());
    }
}
