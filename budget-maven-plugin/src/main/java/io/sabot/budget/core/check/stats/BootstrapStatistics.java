package io.sabot.budget.core.check.stats;

import io.sabot.budget.core.check.Interval;
import io.sabot.budget.core.check.JmhIntervalStatistics;
import io.sabot.budget.core.check.Statistics;
import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.Direction;
import io.sabot.budget.core.model.Metric;
import io.sabot.budget.core.model.Quantity;
import io.sabot.budget.core.model.RunResults;
import io.sabot.budget.core.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The plugin's statistics. The fork is the unit of replication: every interval rests on the spread
 * of fork means (which holds the iteration noise too), never on iterations pooled across forks.
 *
 * <p><b>Fork variance of a build.</b> {@link #forBuild} fits a {@link ForkVariancePrior} to the
 * fork spreads of all primary metrics of the build (with their baselines' forks): a benchmark's own
 * two or three forks say little about its noise, twenty benchmarks on the same machine say a lot.
 * Each primary metric's regression check then uses its own variance steadied by the prior (moderated t), unless its
 * forks spread significantly more than the others'. Without a prior (fewer than three benchmarks
 * with two or more forks) a metric with three or more forks uses its own fork variance; with one or
 * two forks it falls back to a hierarchical bootstrap ({@link HierarchicalBootstrap}), which is too
 * narrow there (one fork: no fork variance at all) and says how it was computed.
 *
 * <p><b>Limits</b> are judged on a {@code confidence} (99%) interval of the mean, from the benchmark's
 * own forks when it has three or more (t on the fork means), so the build's noisiest benchmarks
 * cannot widen a quiet benchmark's interval; with one or two forks through the prior, else the bootstrap.
 *
 * <p><b>Paired runs</b> ({@link #pairedRegression}) are judged on the per-round ratios, see {@link PairedRatio}.
 *
 * <p><b>Regressions</b>: the slowdown against the baseline (direction-aware, positive = worse) gets an
 * interval at level {@code 1 - alpha/m}, a Bonferroni correction over the {@code m} regression checks
 * of one build, so the chance that any of them fails by noise stays near {@code alpha} (1%) however
 * many benchmarks a project has. With the build's prior: a t-interval on the log ratio of fork means
 * with the moderated variance. Without it: Welch's t on the fork means with two or more forks on both
 * sides; the fork variance of the side with several forks when the other has one; a bootstrap over
 * iterations with one fork on each side. The rule is three-way:
 * <ul>
 *   <li>FAIL when the estimated slowdown exceeds the threshold and the interval excludes zero (the
 *       change is real and larger than allowed). When the fork-to-fork variance is unknown (one fork
 *       on each side and no prior) the whole interval must lie beyond the threshold instead;</li>
 *   <li>PASS when the whole interval lies below the threshold;</li>
 *   <li>INCONCLUSIVE otherwise, with the smallest change this run could detect and how many more
 *       samples would resolve the threshold.</li>
 * </ul>
 * Results without raw samples fall back to JMH's own intervals.
 */
public final class BootstrapStatistics implements Statistics {

    private static final String PRIMARY = "primary";

    private final double confidence;
    private final double alpha;
    private final int resamples;
    private final long seed;
    private final HierarchicalBootstrap bootstrap;
    private final JmhIntervalStatistics fallback = new JmhIntervalStatistics();
    /** The build's fork-variance prior for primary metrics; empty until {@link #forBuild}, or when the build cannot support one. */
    private final Optional<ForkVariancePrior> prior;
    /** The paired build's pool of paired log ratios; {@link PairedRatio.Pool#NONE} until {@link #forPairedBuild}. */
    private final PairedRatio.Pool pairedPool;

    public BootstrapStatistics(double confidence, double alpha, int resamples, long seed) {
        this(confidence, alpha, resamples, seed, Optional.empty(), PairedRatio.Pool.NONE);
    }

    private BootstrapStatistics(double confidence, double alpha, int resamples, long seed, Optional<ForkVariancePrior> prior,
                                PairedRatio.Pool pairedPool) {
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
        this.prior = prior;
        this.pairedPool = pairedPool;
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
        return new BootstrapStatistics(1 - (1 - confidence) / looks, alpha / looks, resamples * looks, seed, prior, pairedPool);
    }

    /**
     * These statistics with the fork-variance prior of this build: the spread of the fork means of
     * every benchmark's primary metric, pooled with its baseline's forks where there is one.
     */
    @Override
    public Statistics forBuild(RunResults current, Optional<RunResults> baseline) {
        List<ForkSpread> spreads = new ArrayList<>();
        for (BenchmarkResult result : current.results()) {
            Optional<Samples> now = samples(result.primary());
            if (now.isEmpty()) {
                continue;
            }
            Optional<Samples> before = baseline.flatMap(b -> b.find(result.key())).flatMap(b -> samples(b.primary()));
            (before.isPresent() ? ForkSpread.of(before.get(), now.get()) : ForkSpread.of(now.get())).ifPresent(spreads::add);
        }
        return new BootstrapStatistics(confidence, alpha, resamples, seed, ForkVariancePrior.fit(spreads), PairedRatio.Pool.NONE);
    }

    /** These statistics with the prior of a paired build (see {@link PairedRatio}). */
    @Override
    public Statistics forPairedBuild(RunResults current, RunResults baseline) {
        List<ForkSpread> spreads = new ArrayList<>();
        for (BenchmarkResult result : current.results()) {
            samples(result.primary()).flatMap(ForkSpread::of).ifPresent(spreads::add);
        }
        return new BootstrapStatistics(confidence, alpha, resamples, seed, ForkVariancePrior.fit(spreads),
                PairedRatio.prior(current, baseline));
    }

    @Override
    public RegressionDecision pairedRegression(Metric baseline, Metric current, Direction direction, double threshold,
                                               int comparisons) {
        return PairedRatio.decide(baseline, current, direction, threshold, comparisons, alpha, pairedPool);
    }

    private static Optional<Samples> samples(Metric metric) {
        if (metric.sampleCount() < 2 || metric.rawData().stream().flatMapToDouble(java.util.Arrays::stream)
                .anyMatch(v -> !Double.isFinite(v))) {
            return Optional.empty();
        }
        return Optional.of(new Samples(metric.rawData()));
    }

    /**
     * The fork variance a primary metric's interval rests on: its own steadied by the build's prior,
     * or its own alone (with two or more forks). Empty when neither exists, or a fork mean is not positive.
     */
    private Optional<ForkSpread> spread(Metric metric, Samples... sides) {
        Optional<ForkSpread> own = ForkSpread.of(sides);
        if (own.isEmpty()) {
            return Optional.empty();
        }
        if (metric.name().equals(PRIMARY) && prior.isPresent()) {
            return Optional.of(prior.get().moderate(own.get()));
        }
        // Alone, two forks give a t quantile of 64 at 99%: no limit could ever be decided, and a
        // confirmation rerun of two forks could never confirm. They keep the (narrower) bootstrap.
        return own.get().hasVariance() && own.get().degreesOfFreedom() >= 2 ? own : Optional.empty();
    }

    /**
     * The fork variance a limit's interval rests on: the benchmark's own, never the build's pool. A
     * limit is a property of one benchmark; pooled with the build's noisiest benchmarks its interval
     * came out 3x wider than its own forks showed (a 276 ops/s result judged [144, 531] against 100).
     * With one or two forks there is no own variance to speak of (a t quantile of 64 at 99%), so
     * those still lean on the pool, and without one on the (narrower, and said so) bootstrap.
     */
    private Optional<ForkSpread> limitSpread(Metric metric, Samples samples) {
        Optional<ForkSpread> own = ForkSpread.of(samples);
        if (own.isPresent() && own.get().hasVariance() && own.get().degreesOfFreedom() >= 2) {
            return own;
        }
        // One or two forks say nothing about their own spread; there the build's pool is all there is.
        return spread(metric, samples);
    }

    private String limitSource(Metric metric, Samples samples) {
        Optional<ForkSpread> own = ForkSpread.of(samples);
        return own.isPresent() && own.get().hasVariance() && own.get().degreesOfFreedom() >= 2 ? "own forks" : source(metric, samples);
    }

    /** Says where the fork variance came from, for the interval's method. */
    private String source(Metric metric, Samples... sides) {
        if (!metric.name().equals(PRIMARY) || prior.isEmpty()) {
            return "";
        }
        Optional<ForkSpread> own = ForkSpread.of(sides);
        return own.isPresent() && prior.get().spreadsMoreThanPrior(own.get())
                ? "own forks: they spread more than the build's other benchmarks"
                : prior.get().describe();
    }

    @Override
    public Interval scoreInterval(Metric metric) {
        if (metric.sampleCount() < 2) {
            return fallback.scoreInterval(metric);
        }
        Samples samples = new Samples(metric.rawData());
        Optional<ForkSpread> spread = limitSpread(metric, samples);
        if (spread.isPresent()) {
            return ForkMeansT.score(samples, spread.get(), confidence, limitSource(metric, samples));
        }
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
        Optional<ForkSpread> ns = limitSpread(numerator, n);
        Optional<ForkSpread> ds = limitSpread(denominator, d);
        if (ns.isPresent() && ds.isPresent()) {
            String source = limitSource(numerator, n).equals(limitSource(denominator, d)) ? limitSource(numerator, n)
                    : limitSource(numerator, n) + " / " + limitSource(denominator, d);
            return ForkMeansT.ratio(n, ns.get(), d, ds.get(), confidence, source);
        }
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
        Optional<ForkSpread> pooled = prior.isPresent() ? spread(current, before, after) : Optional.empty();
        Optional<Interval> forkBased = pooled.isPresent()
                ? Optional.of(ForkMeansT.slowdown(before, after, direction, pooled.get(), level, source(current, before, after)))
                : before.forkCount() >= 2 && after.forkCount() >= 2
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
            // To PASS the interval's top must come under the threshold; to FAIL its bottom above zero.
            double room = estimate > threshold ? estimate : threshold - Math.max(0, estimate);
            double factor = Math.ceil(Math.pow(halfWidth / Math.max(room, 1e-9), 2));
            notes.add("this run resolves changes of about +/-" + Quantity.fixed(halfWidth * 100, 1) + "%; "
                    + (factor > 100 ? "more than 100x" : "about " + (long) Math.max(2, factor) + "x")
                    + " the samples (more forks first) would resolve the " + Quantity.format(threshold * 100) + "% threshold");
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
        return (percent == Math.rint(percent) ? String.valueOf((long) percent) : Quantity.fixed(percent, 2)) + "%";
    }
}
