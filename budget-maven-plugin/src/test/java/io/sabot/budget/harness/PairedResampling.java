package io.sabot.budget.harness;

import io.sabot.budget.core.check.Statistics;
import io.sabot.budget.core.io.ResultFiles;
import io.sabot.budget.core.model.BenchmarkKey;
import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.Metric;
import io.sabot.budget.core.model.RunResults;
import io.sabot.budget.core.model.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A/A builds resampled from the pairs real paired builds measured: every pair of forks of every
 * benchmark under {@code round-N/pair-M/{current,baseline}} of the given {@code target/budget/paired}
 * directories (identical code on both sides, as in the engine's gate against its baseline commit)
 * is one draw; a resampled build takes {@code rounds} of them per benchmark, at random, and is judged
 * with the paired statistics at the gate's first look (the error rate split over {@code looks}). It
 * counts the builds with a FAIL: the gate's false-alarm rate before confirmation, with each
 * benchmark's own noise (heavy tails, JIT modes, sampled stalls) as it was measured, not a model.
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat target/test.classpath) \
 *     io.sabot.budget.harness.PairedResampling BUILDS ROUNDS LOOKS SEED paired-dir...</pre>
 */
public final class PairedResampling {

    private record Pair(BenchmarkResult baseline, BenchmarkResult current) {
    }

    private PairedResampling() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: PairedResampling BUILDS ROUNDS LOOKS SEED <target/budget/paired>...");
            System.exit(2);
        }
        int builds = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        int looks = Integer.parseInt(args[2]);
        Random random = new Random(Long.parseLong(args[3]));
        Map<BenchmarkKey, List<Pair>> pairs = new LinkedHashMap<>();
        for (int i = 4; i < args.length; i++) {
            collect(Path.of(args[i]), pairs);
        }
        pairs.values().removeIf(p -> p.size() < rounds);
        Statistics statistics = Statistics.standard().withErrorSpentOver(looks);
        int failedBuilds = 0;
        int confirmedBuilds = 0;
        Map<BenchmarkKey, Integer> failures = new LinkedHashMap<>();
        Map<BenchmarkKey, Integer> confirmed = new LinkedHashMap<>();
        int pass = 0;
        List<BenchmarkKey> keys = new ArrayList<>(pairs.keySet());
        for (int b = 0; b < builds; b++) {
            Map<BenchmarkKey, List<Pair>> drawn = new LinkedHashMap<>();
            for (BenchmarkKey key : keys) {
                List<Pair> shuffled = new ArrayList<>(pairs.get(key));
                Collections.shuffle(shuffled, random);
                drawn.put(key, shuffled);
            }
            Map<BenchmarkKey, Integer> used = new LinkedHashMap<>();
            keys.forEach(k -> used.put(k, rounds));
            Map<BenchmarkKey, Verdict> first = verdicts(statistics, drawn, used, keys);
            List<BenchmarkKey> failed = withVerdict(first, Verdict.FAIL);
            pass += withVerdict(first, Verdict.PASS).size();
            failed.forEach(k -> failures.merge(k, 1, Integer::sum));
            failedBuilds += failed.isEmpty() ? 0 : 1;
            // the gate's confirmation: the failed benchmarks get `rounds` more pairs, judged with the ones before
            failed.stream().filter(k -> drawn.get(k).size() >= 2 * rounds).forEach(k -> used.put(k, 2 * rounds));
            List<BenchmarkKey> again = withVerdict(verdicts(statistics, drawn, used, keys), Verdict.FAIL).stream()
                    .filter(failed::contains).toList();
            again.forEach(k -> confirmed.merge(k, 1, Integer::sum));
            confirmedBuilds += again.isEmpty() ? 0 : 1;
        }
        System.out.printf("%d benchmarks, %d to %d recorded pairs each; %d resampled A/A builds of %d rounds, %d looks:"
                        + " %d with a FAIL at the first look, %d after the confirmation's %d more rounds; %d of %d checks PASS%n",
                pairs.size(), pairs.values().stream().mapToInt(List::size).min().orElse(0),
                pairs.values().stream().mapToInt(List::size).max().orElse(0), builds, rounds, looks, failedBuilds,
                confirmedBuilds, rounds, pass, builds * pairs.size());
        failures.forEach((key, n) -> System.out.println("  FAIL " + n + "x, confirmed " + confirmed.getOrDefault(key, 0) + "x: "
                + key.label()));
    }

    /** Each benchmark's regression verdict when it has its first {@code used} drawn pairs. */
    private static Map<BenchmarkKey, Verdict> verdicts(Statistics statistics, Map<BenchmarkKey, List<Pair>> drawn,
                                                       Map<BenchmarkKey, Integer> used, List<BenchmarkKey> keys) {
        List<BenchmarkResult> before = new ArrayList<>();
        List<BenchmarkResult> after = new ArrayList<>();
        for (BenchmarkKey key : keys) {
            List<Pair> chosen = drawn.get(key).subList(0, used.get(key));
            before.add(pooled(chosen.stream().map(Pair::baseline).toList()));
            after.add(pooled(chosen.stream().map(Pair::current).toList()));
        }
        Statistics build = statistics.forPairedBuild(run(after), run(before));
        Map<BenchmarkKey, Verdict> verdicts = new LinkedHashMap<>();
        for (int k = 0; k < keys.size(); k++) {
            Metric then = before.get(k).primary();
            Metric now = after.get(k).primary();
            verdicts.put(keys.get(k), build.pairedRegression(then, now, now.direction(), 0.10, keys.size()).verdict());
        }
        return verdicts;
    }

    private static List<BenchmarkKey> withVerdict(Map<BenchmarkKey, Verdict> verdicts, Verdict verdict) {
        return verdicts.entrySet().stream().filter(e -> e.getValue() == verdict).map(Map.Entry::getKey).toList();
    }

    private static void collect(Path paired, Map<BenchmarkKey, List<Pair>> pairs) throws Exception {
        List<Path> pairDirectories;
        try (Stream<Path> walk = Files.walk(paired, 2)) {
            pairDirectories = walk.filter(p -> p.getFileName().toString().startsWith("pair-")).sorted().toList();
        }
        for (Path pair : pairDirectories) {
            Optional<RunResults> current = read(pair.resolve("current/results.json"));
            Optional<RunResults> baseline = read(pair.resolve("baseline/results.json"));
            if (current.isEmpty() || baseline.isEmpty()) {
                continue;
            }
            for (BenchmarkResult now : current.get().results()) {
                baseline.get().find(now.key()).ifPresent(then ->
                        pairs.computeIfAbsent(now.key(), k -> new ArrayList<>()).add(new Pair(then, now)));
            }
        }
    }

    private static Optional<RunResults> read(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(ResultFiles.read(file)) : Optional.empty();
        } catch (RuntimeException | io.sabot.budget.core.io.ResultFileException e) {
            return Optional.empty(); // a fork that crashed left no usable file: not a draw
        }
    }

    /** One-fork results of one benchmark as one result of their forks, in order. */
    private static BenchmarkResult pooled(List<BenchmarkResult> forks) {
        BenchmarkResult first = forks.get(0);
        List<double[]> raw = new ArrayList<>();
        List<List<double[][]>> histograms = new ArrayList<>();
        double sum = 0;
        for (BenchmarkResult fork : forks) {
            raw.addAll(fork.primary().rawData());
            histograms.addAll(fork.primary().histograms());
            sum += fork.primary().score();
        }
        Metric m = first.primary();
        Metric primary = new Metric(m.name(), sum / forks.size(), Double.NaN, Double.NaN, Double.NaN, m.unit(), m.direction(),
                Map.of(), raw, histograms);
        return new BenchmarkResult(first.key(), first.threads(), forks.size(), first.jdkVersion(), first.vmName(),
                first.vmVersion(), first.jmhVersion(), first.jvmArgs(), primary, Map.of());
    }

    private static RunResults run(List<BenchmarkResult> results) {
        return new RunResults("resampled.json", results, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
