package io.sabot.budget.core.history;

import io.sabot.budget.core.model.BenchmarkKey;
import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.Environment;
import io.sabot.budget.core.model.RunResults;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One budget:check run as the history keeps it: when, at which commit, where, and per benchmark the
 * primary score with its fork means (the replicates the regression statistics work on). Iterations
 * and SampleTime histograms are not kept: a history line stays small however long the project lives.
 */
public record HistoryEntry(Instant time, Optional<String> commit, Optional<Environment> environment,
                           List<Benchmark> benchmarks) {

    public HistoryEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(environment, "environment");
        benchmarks = List.copyOf(benchmarks);
    }

    /**
     * The primary metric of one benchmark in one run.
     *
     * @param unit      the JMH unit of score and fork means ("ns/op", "ops/s")
     * @param forkMeans per fork, the mean of its measurement iterations
     */
    public record Benchmark(BenchmarkKey key, int threads, String unit, double score, double[] forkMeans) {

        public Benchmark {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(unit, "unit");
            forkMeans = forkMeans.clone();
        }

        @Override
        public double[] forkMeans() {
            return forkMeans.clone();
        }
    }

    /** The entry for a finished run. */
    public static HistoryEntry of(RunResults run, Instant time, Optional<String> commit, Optional<Environment> environment) {
        List<Benchmark> benchmarks = new ArrayList<>();
        for (BenchmarkResult result : run.results()) {
            var primary = result.primary();
            if (!Double.isFinite(primary.score())) {
                continue; // JMH failed to score it; nothing a trend or median could use
            }
            List<double[]> iterations = primary.iterationScores();
            double[] forkMeans = new double[iterations.size()];
            for (int f = 0; f < forkMeans.length; f++) {
                forkMeans[f] = java.util.Arrays.stream(iterations.get(f)).filter(Double::isFinite).average().orElse(Double.NaN);
            }
            if (java.util.Arrays.stream(forkMeans).anyMatch(m -> !Double.isFinite(m))) {
                forkMeans = new double[0]; // a fork without usable samples: keep the score only
            }
            benchmarks.add(new Benchmark(result.key(), result.threads(), primary.unit().label(), primary.score(), forkMeans));
        }
        return new HistoryEntry(time, commit, environment, benchmarks);
    }

    /**
     * True when this entry records exactly these results: the same benchmarks with bit-identical
     * scores. Two separate runs never agree to the last bit, so this recognises the entry budget:check
     * appended for the very results budget:compare is now judging.
     */
    public boolean records(RunResults run) {
        if (run.results().isEmpty() || benchmarks.size() != run.results().size()) {
            return false;
        }
        for (BenchmarkResult result : run.results()) {
            Optional<Benchmark> mine = find(result.key());
            if (mine.isEmpty() || Double.compare(mine.get().score(), result.primary().score()) != 0
                    || !mine.get().unit().equals(result.primary().unit().label())) {
                return false;
            }
        }
        return true;
    }

    public Optional<Benchmark> find(BenchmarkKey key) {
        return benchmarks.stream().filter(b -> b.key().equals(key)).findFirst();
    }

    /** The first 10 characters of the commit id, or "-". */
    public String shortCommit() {
        return commit.map(c -> c.length() > 10 ? c.substring(0, 10) : c).orElse("-");
    }
}
