package io.sabot.budget.core.check.stats;

import io.sabot.budget.core.check.Interval;
import io.sabot.budget.core.check.JmhIntervalStatistics;
import io.sabot.budget.core.check.Statistics;
import io.sabot.budget.core.model.Direction;
import io.sabot.budget.core.model.Metric;
import io.sabot.budget.core.model.Quantity;
import io.sabot.budget.core.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The plugin's statistics: every interval comes from a hierarchical bootstrap over JMH's raw
 * per-fork, per-iteration samples (see {@link HierarchicalBootstrap}), so fork-to-fork variance is
 * never averaged away.
 *
 * <p><b>Limits</b> are judged on a {@code confidence} (99%) interval of the mean.
 *
 * <p><b>Regressions</b>: the slowdown against the baseline (direction-aware, positive = worse) gets an
 * interval at level {@code 1 - alpha/m}: with two or more forks on both sides a Welch t-interval on
 * the fork means (the fork is the replicate; a bootstrap over two or three forks is far too narrow);
 * with several forks on one side only (a baseline recorded with more forks than a quick build runs)
 * a t-interval that takes the fork variance from that side; with one fork on each side a bootstrap
 * over iterations, a Bonferroni correction over the {@code m}
 * regression checks of one build, so the chance that any of them fails by noise stays near
 * {@code alpha} (1%) however many benchmarks a project has. The rule is three-way:
 * <ul>
 *   <li>FAIL when the estimated slowdown exceeds the threshold and the interval excludes zero (the
 *       change is real and larger than allowed). With a single fork on either side the fork-to-fork
 *       variance is unknown, so the whole interval must lie beyond the threshold instead;</li>
 *   <li>PASS when the whole interval lies below the threshold;</li>
 *   <li>INCONCLUSIVE otherwise, with the smallest change this run could detect and how many more
 *       samples would resolve the threshold.</li>
 * </ul>
 * Results without raw samples fall back to JMH's own intervals.
 */
public final class BootstrapStatistics implements Statistics {

    private final double confidence;
    private final double alpha;
    private final int resamples;
    private final long seed;
    private final HierarchicalBootstrap bootstrap;
    private final JmhIntervalStatistics fallback = new JmhIntervalStatistics();

    public BootstrapStatistics(double confidence, double alpha, int resamples, long seed) {
        if (confidence <= 0.5 || confidence >= 1) {
            throw new IllegalArgumentException("confidence must be between 0.5 and 1, not " + confidence);
        }
        if (alpha <= 0 || alpha >= 0.5) {
            throw new IllegalArgumentException("alpha must be between 0 and 0.5, not " + alpha);
        }
        this.confidence = confidence;
        this.alpha = alpha;
        this.resamples = resamples;
        this.seed = seed;
        this.bootstrap = new HierarchicalBootstrap(resamples, seed);
    }

    /** 99% intervals for limits, 1% family-wise error for regressions, 2,000 resamples. */
    public static BootstrapStatistics standard() {
        return new BootstrapStatistics(0.99, 0.01, HierarchicalBootstrap.DEFAULT_RESAMPLES, 0x5AB07L);
    }

    /**
     * Each look gets {@code 1/looks} of the error: limit intervals at {@code 1 - (1 - confidence)/looks},
     * regressions at {@code alpha/looks} (before the Bonferroni over checks). By the union bound the
     * chance of a false verdict at any of the looks then stays within the single-look rate, whatever
     * the looks have in common. The resamples grow with the looks so that the further-out bootstrap
     * quantiles still rest on as many replicates as the single-look ones.
     */
    @Override
    public Statistics withErrorSpentOver(int looks) {
        if (looks < 1) {
            throw new IllegalArgumentException("looks must be 1 or more, not " + looks);
        }
        if (looks == 1) {
            return this;
        }
        return new BootstrapStatistics(1 - (1 - confidence) / looks, alpha / looks, resamples * looks, seed);
    }

    @Override
    public Interval scoreInterval(Metric metric) {
        if (metric.sampleCount() < 2) {
            return fallback.scoreInterval(metric);
        }
        Samples samples = new Samples(metric.rawData());
        double[] means = bootstrap.means(samples);
        double tail = (1 - confidence) / 2;
        return new Interval(HierarchicalBootstrap.quantile(means, tail), samples.mean(),
                HierarchicalBootstrap.quantile(means, 1 - tail), method(samples, confidence));
    }

    @Override
    public Interval percentileInterval(Metric metric, double percentile) {
        if (!metric.hasHistograms()) {
            return fallback.percentileInterval(metric, percentile);
        }
        // The resampling unit: forks when there are several, else the iterations of the one fork.
        List<List<double[][]>> units = new ArrayList<>();
        if (metric.histograms().size() > 1) {
            units.addAll(metric.histograms());
        } else {
            for (double[][] iteration : metric.histograms().get(0)) {
                units.add(java.util.Collections.singletonList(iteration));
            }
        }
        List<double[][]> everything = new ArrayList<>();
        units.forEach(everything::addAll);
        double estimate = WeightedPercentile.of(everything, percentile);
        if (units.size() < 2) {
            return Interval.point(estimate, "one histogram, no interval");
        }
        // Each replicate sorts whole histograms: a fifth of the mean's replicates (400 at one look).
        int count = Math.max(400, resamples / 5);
        SplittableRandom random = new SplittableRandom(units.size() * 31L + (long) (percentile * 1000));
        double[] replicates = new double[count];
        for (int r = 0; r < count; r++) {
            List<double[][]> chosen = new ArrayList<>();
            for (int u = 0; u < units.size(); u++) {
                chosen.addAll(units.get(random.nextInt(units.size())));
            }
            replicates[r] = WeightedPercentile.of(chosen, percentile);
        }
        double tail = (1 - confidence) / 2;
        String unit = metric.histograms().size() > 1 ? "forks" : "iterations";
        return new Interval(HierarchicalBootstrap.quantile(replicates, tail), estimate,
                HierarchicalBootstrap.quantile(replicates, 1 - tail),
                "bootstrap " + pct(confidence) + " over " + units.size() + " " + unit);
    }

    @Override
    public Interval ratioInterval(Metric numerator, Metric denominator) {
        if (numerator.sampleCount() < 2 || denominator.sampleCount() < 2) {
            return fallback.ratioInterval(numerator, denominator);
        }
        Samples n = new Samples(numerator.rawData());
        Samples d = new Samples(denominator.rawData());
        double[] nm = bootstrap.means(n);
        double[] dm = new HierarchicalBootstrap(nm.length, 0x7A710L).means(d);
        double[] ratios = new double[nm.length];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = nm[i] / dm[i];
        }
        double tail = (1 - confidence) / 2;
        return new Interval(HierarchicalBootstrap.quantile(ratios, tail), n.mean() / d.mean(),
                HierarchicalBootstrap.quantile(ratios, 1 - tail), "bootstrap " + pct(confidence) + " of the ratio");
    }

    @Override
    public RegressionDecision regression(Metric baseline, Metric current, Direction direction, double threshold, int comparisons) {
        if (baseline.sampleCount() < 2 || current.sampleCount() < 2) {
            RegressionDecision d = fallback.regression(baseline, current, direction, threshold, comparisons);
            List<String> notes = new ArrayList<>(d.notes());
            notes.add("no raw samples on one side: decided on JMH's intervals");
            return new RegressionDecision(d.verdict(), d.slowdown(), notes);
        }
        Samples before = new Samples(baseline.rawData());
        Samples after = new Samples(current.rawData());
        int m = Math.max(1, comparisons);
        double level = 1 - alpha / m;
        double estimate = direction.slowdown(before.mean(), after.mean());
        Optional<Interval> forkBased = before.forkCount() >= 2 && after.forkCount() >= 2
                ? ForkMeansWelch.slowdown(before, after, direction, level)
                : ForkMeansWelch.slowdownWithSharedForkVariance(before, after, direction, level);
        Interval interval = forkBased.orElseGet(() -> bootstrapSlowdown(before, after, direction, level));
        if (m > 1) {
            interval = new Interval(interval.low(), interval.estimate(), interval.high(),
                    interval.method() + ", Bonferroni over " + m + " checks");
        }
        double low = interval.low();
        double high = interval.high();
        List<String> notes = new ArrayList<>();
        // Without a fork variance (one fork on each side, or forks without spread) the interval covers
        // iterations only, so it is too narrow: then only a slowdown whose whole interval exceeds the
        // threshold fails.
        boolean singleFork = forkBased.isEmpty() && (before.forkCount() < 2 || after.forkCount() < 2);
        if (singleFork) {
            notes.add("one fork on a side: fork-to-fork variance unknown, so only a slowdown whose whole interval exceeds"
                    + " the threshold fails; a baseline recorded with 3 or more forks (-Dbudget.forks) calibrates one-fork builds");
        }
        Verdict verdict;
        boolean significantlyWorse = singleFork ? low > threshold : estimate > threshold && low > 0;
        if (significantlyWorse) {
            verdict = Verdict.FAIL;
        } else if (high <= threshold) {
            verdict = Verdict.PASS;
        } else {
            verdict = Verdict.INCONCLUSIVE;
            double halfWidth = (high - low) / 2;
            double needed = Math.max(1e-9, threshold - Math.max(0, estimate));
            double factor = Math.pow(halfWidth / needed, 2);
            notes.add(String.format(Locale.ROOT, "this run resolves changes of about +/-%.1f%%;"
                    + " about %.0fx the samples (more forks first) would resolve the %s threshold",
                    halfWidth * 100, Math.max(2, Math.ceil(factor)), Quantity.format(threshold * 100) + "%"));
        }
        return new RegressionDecision(verdict, interval, notes);
    }

    /** The slowdown interval from resampled means (iterations within forks, forks when there are several). */
    private Interval bootstrapSlowdown(Samples before, Samples after, Direction direction, double level) {
        double[] b = bootstrap.means(before);
        double[] c = new HierarchicalBootstrap(b.length, 0xC0FFEEL).means(after);
        double[] slowdowns = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            slowdowns[i] = direction.slowdown(b[i], c[i]);
        }
        double tail = (1 - level) / 2;
        return new Interval(HierarchicalBootstrap.quantile(slowdowns, tail), direction.slowdown(before.mean(), after.mean()),
                HierarchicalBootstrap.quantile(slowdowns, 1 - tail), "bootstrap " + pct(level));
    }

    private static String method(Samples samples, double level) {
        return "bootstrap " + pct(level) + " over " + samples.forkCount() + " fork" + (samples.forkCount() == 1 ? "" : "s")
                + " x " + samples.count() / samples.forkCount() + " iterations";
    }

    private static String pct(double level) {
        double percent = level * 100;
        return (percent == Math.rint(percent) ? String.valueOf((long) percent) : String.format(Locale.ROOT, "%.2f", percent)) + "%";
    }
}
