package io.sabot.budget.core.gate;

import io.sabot.budget.core.check.stats.WeightedPercentile;
import io.sabot.budget.core.model.BenchmarkKey;
import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.Metric;
import io.sabot.budget.core.model.RunResults;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.Variance;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Pools the forks of an extra run into the current results, as if JMH had run them all at once.
 * Forks are appended, never blended: every fork keeps its own iterations (and histograms), so the
 * statistics still see fork-to-fork variance as such. The summary numbers JMH derives from the
 * samples (score, 99.9% error and interval, percentiles) are recomputed over the pooled samples the
 * way JMH computes them, so every report shows numbers that belong to the pooled data.
 */
final class ForkPool {

    private static final double JMH_CONFIDENCE = 0.999;

    private ForkPool() {
    }

    /**
     * {@code current} with the results of {@code targets} extended by the forks {@code extra} holds
     * for them. Results of other benchmarks, in either run, are left as they were: an extra run that
     * measured more than asked for must not change a benchmark that was already decided.
     */
    static RunResults pool(RunResults current, RunResults extra, Set<BenchmarkKey> targets) throws GateException {
        List<BenchmarkResult> pooled = new ArrayList<>();
        for (BenchmarkResult result : current.results()) {
            Optional<BenchmarkResult> more = targets.contains(result.key()) ? extra.find(result.key()) : Optional.empty();
            pooled.add(more.isPresent() ? pool(result, more.get()) : result);
        }
        return new RunResults(current.source() + " + " + extra.source(), pooled, current.environment(),
                current.recordedAt(), current.reason());
    }

    /**
     * One benchmark's result with the forks of {@code more} appended to those of {@code first}.
     *
     * @throws GateException when a metric is in one unit in one run and in another in the other: the
     *                       samples cannot be pooled, and the message names the benchmark and the fix
     */
    static BenchmarkResult pool(BenchmarkResult first, BenchmarkResult more) throws GateException {
        if (!first.key().equals(more.key())) {
            throw new IllegalStateException("cannot pool " + more.key() + " into " + first.key()); // callers pair by key
        }
        Map<String, Metric> secondary = new LinkedHashMap<>(first.secondary());
        for (Map.Entry<String, Metric> metric : first.secondary().entrySet()) {
            Metric other = more.secondary().get(metric.getKey());
            if (other != null) {
                secondary.put(metric.getKey(), pool(first, metric.getValue(), other));
            }
        }
        return new BenchmarkResult(first.key(), first.threads(), forks(first) + forks(more), first.jdkVersion(),
                first.vmName(), first.vmVersion(), first.jmhVersion(), first.jvmArgs(),
                pool(first, first.primary(), more.primary()), secondary);
    }

    /** Forks that a result holds: its per-fork samples, or JMH's count when it kept none. */
    static int forks(BenchmarkResult result) {
        int recorded = result.primary().rawData().size();
        return recorded > 0 ? recorded : Math.max(1, result.forks());
    }

    static Metric pool(BenchmarkResult result, Metric first, Metric more) throws GateException {
        if (!first.unit().equals(more.unit())) {
            throw new GateException("Cannot pool the forks of " + result.key().label() + ": its "
                    + (first.name().equals("primary") ? "score" : "metric '" + first.name() + "'") + " is in "
                    + first.unit() + " in one JMH run and in " + more.unit() + " in another, and samples in two units"
                    + " are not one measurement. Every fork must report in one unit: check the benchmark's"
                    + " @OutputTimeUnit and any -tu in <jmhArgs> (-Dbudget.jmhArgs), then run again");
        }
        List<double[]> raw = new ArrayList<>(first.rawData());
        raw.addAll(more.rawData());
        List<List<double[][]>> histograms = new ArrayList<>(first.histograms());
        histograms.addAll(more.histograms());
        double w1 = weight(first);
        double w2 = weight(more);
        double score = (first.score() * w1 + more.score() * w2) / (w1 + w2);
        double[] moments = histograms.isEmpty() ? moments(raw) : histogramMoments(histograms);
        double error = meanError(moments);
        Map<Double, Double> percentiles = new LinkedHashMap<>();
        for (Double p : first.percentiles().keySet()) {
            percentiles.put(p, histograms.isEmpty() ? rawPercentile(raw, p) : histogramPercentile(histograms, p));
        }
        return new Metric(first.name(), score, error, score - error, score + error, first.unit(), first.direction(),
                percentiles, raw, histograms);
    }

    /** What the score averages over: every sample of a SampleTime histogram, else every iteration. */
    private static double weight(Metric metric) {
        if (metric.hasHistograms()) {
            double count = 0;
            for (List<double[][]> fork : metric.histograms()) {
                for (double[][] iteration : fork) {
                    for (double[] pair : iteration) {
                        count += pair[1];
                    }
                }
            }
            return Math.max(1, count);
        }
        return Math.max(1, metric.sampleCount());
    }

    /** {n, mean, variance} of the iteration scores. */
    private static double[] moments(List<double[]> raw) {
        double[] all = raw.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
        double mean = StatUtils.mean(all);
        return new double[] {all.length, mean, all.length > 1 ? StatUtils.variance(all, mean) : Double.NaN};
    }

    /** {n, mean, variance} of every sample of the histograms (value, count): each value weighted by its count. */
    private static double[] histogramMoments(List<List<double[][]>> histograms) {
        double[][] pairs = histograms.stream().flatMap(List::stream).flatMap(java.util.Arrays::stream).toArray(double[][]::new);
        double[] values = new double[pairs.length];
        double[] counts = new double[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            values[i] = pairs[i][0];
            counts[i] = pairs[i][1];
        }
        double n = StatUtils.sum(counts);
        double mean = new Mean().evaluate(values, counts);
        return new double[] {n, mean, n > 1 ? new Variance().evaluate(values, counts, mean) : Double.NaN};
    }

    /** JMH's score error: the half-width of the 99.9% Student t interval; NaN with fewer than three samples, as JMH. */
    private static double meanError(double[] moments) {
        double n = moments[0];
        if (n <= 2) {
            return Double.NaN;
        }
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(1 - (1 - JMH_CONFIDENCE) / 2);
        return t * Math.sqrt(moments[2] / n);
    }

    private static double rawPercentile(List<double[]> raw, double p) {
        double[] all = raw.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
        if (all.length == 0) {
            return Double.NaN;
        }
        if (p <= 0) {
            return java.util.Arrays.stream(all).min().getAsDouble();
        }
        return new Percentile().evaluate(all, Math.min(100, p));
    }

    private static double histogramPercentile(List<List<double[][]>> histograms, double p) {
        List<double[][]> all = new ArrayList<>();
        histograms.forEach(all::addAll);
        if (p <= 0) {
            return all.stream().flatMap(java.util.Arrays::stream).mapToDouble(pair -> pair[0]).min().orElse(Double.NaN);
        }
        return WeightedPercentile.of(all, p);
    }
}
