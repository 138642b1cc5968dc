package io.sabot.budget.core.gate;

import io.sabot.budget.core.fork.ForkListener;
import io.sabot.budget.core.fork.ForkSettings;
import io.sabot.budget.core.model.BenchmarkKey;
import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.JdkComparison;
import io.sabot.budget.core.model.RunResults;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Measures the same benchmarks on several JDKs, interleaved as paired mode interleaves the two code
 * versions ({@link PairedMeasurement}): the benchmarks are cut into the same small groups, and in
 * every round each group runs as one JMH run of one fork on every JDK, one right after the other, in
 * an order drawn at random from a recorded seed. Fork {@code i} of a benchmark on any two JDKs was
 * thus measured in the same round, seconds apart, and the machine's drift cancels in their ratio.
 * Only the java executable differs between the forks of a round.
 */
final class JdkRounds {

    private final AdaptiveMeasurement.RoundFork fork;
    private final ForkListener listener;
    private final Random random;

    JdkRounds(AdaptiveMeasurement.RoundFork fork, ForkListener listener, long seed) {
        this.fork = fork;
        this.listener = listener;
        this.random = new Random(seed);
    }

    /**
     * What the rounds measured: per JDK (in the order given) its forks pooled and the JMH file of its
     * first fork of every benchmark (the templates of its results file), and the runs in order.
     */
    record Measured(List<Map<BenchmarkKey, BenchmarkResult>> pooled, List<List<Path>> files, List<JdkComparison.Run> runs) {

        static Measured empty(int jdks) {
            List<Map<BenchmarkKey, BenchmarkResult>> pooled = new ArrayList<>();
            List<List<Path>> files = new ArrayList<>();
            for (int j = 0; j < jdks; j++) {
                pooled.add(new LinkedHashMap<>());
                files.add(new ArrayList<>());
            }
            return new Measured(pooled, files, List.of());
        }

        int rounds() {
            return runs.stream().mapToInt(JdkComparison.Run::round).max().orElse(0);
        }

        RunResults results(int jdk, String source) {
            return new RunResults(source, new ArrayList<>(pooled.get(jdk).values()), Optional.empty(), Optional.empty(),
                    Optional.empty());
        }
    }

    /**
     * Runs {@code rounds} more rounds of {@code units} (benchmarks, or their {@code @Param} combinations,
     * packed into JMH runs as paired mode packs them) on every JDK of {@code jdks}, appending to {@code soFar}.
     *
     * @param settings the run's settings; each JDK's forks use them with its own java executable
     */
    Measured run(Measured soFar, ForkSettings settings, List<JdkComparison.Jdk> jdks, List<PairedMeasurement.Unit> units,
                 int rounds, Path directory) throws GateException {
        List<Map<BenchmarkKey, BenchmarkResult>> pooled = new ArrayList<>();
        List<List<Path>> files = new ArrayList<>();
        for (int j = 0; j < jdks.size(); j++) {
            pooled.add(new LinkedHashMap<>(soFar.pooled().get(j)));
            files.add(new ArrayList<>(soFar.files().get(j)));
        }
        List<JdkComparison.Run> runs = new ArrayList<>(soFar.runs());
        List<PairedMeasurement.Group> groups = PairedMeasurement.groups(units);
        long names = units.stream().map(PairedMeasurement.Unit::name).distinct().count();
        for (int r = 1; r <= rounds; r++) {
            int round = soFar.rounds() + r;
            listener.note("JDK round " + round + " (" + r + " of " + rounds + " now): " + names + " benchmark(s) on "
                    + jdks.size() + " JDKs");
            for (int g = 0; g < groups.size(); g++) {
                List<Integer> order = new ArrayList<>();
                for (int j = 0; j < jdks.size(); j++) {
                    order.add(j);
                }
                Collections.shuffle(order, random);
                Path groupDirectory = directory.resolve("round-" + round).resolve("group-" + (g + 1));
                List<String> labels = new ArrayList<>();
                for (int j : order) {
                    JdkComparison.Jdk jdk = jdks.get(j);
                    ForkSettings one = groups.get(g).fork(settings.withJava(jdk.java(), settings.outputDirectory()),
                            groupDirectory.resolve("jdk-" + (j + 1)));
                    PairedMeasurement.append(pooled.get(j), fork.run(one), files.get(j), one.resultsFile());
                    labels.add(jdk.label());
                }
                runs.add(new JdkComparison.Run(round, groups.get(g).names(), groups.get(g).params(), labels));
            }
        }
        return new Measured(pooled, files, runs);
    }
}
