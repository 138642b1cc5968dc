package io.sabot.budget.core.check.stats;

import io.sabot.budget.core.model.Quantity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the benchmarks of one build say together about fork-to-fork noise on this machine, used to
 * steady each benchmark's own, very uncertain, estimate of it: a moderated t in the spirit of limma
 * (Smyth 2004, "Linear models and empirical Bayes methods for assessing differential expression").
 *
 * <p>Why: a gate affordable in a build runs one to three forks per benchmark, so each benchmark's own
 * variance has zero to four degrees of freedom and its t quantile at a Bonferroni level is 10 to
 * 1,000: nothing can be decided. Benchmarks of one build share the machine, JDK and load, so their
 * relative (log-scale) fork variances are alike, and twenty of them give the variance with forty or
 * more degrees of freedom.
 *
 * <p>How: the benchmarks are pooled (each weighted by its degrees of freedom), except those whose forks
 * spread significantly more than the pool of the others (one-sided F test at 1%), which are taken out
 * one at a time, the most extreme first, and judged on their own forks. A benchmark of the pool then
 * uses {@code (d0 s0² + d s²) / (d0 + d)} with {@code d0 + d} degrees of freedom, where {@code s0²}
 * and {@code d0} are the pool's variance and degrees of freedom.
 *
 * <p>limma fits {@code d0} to the spread of the variances by moments; with twenty benchmarks of two
 * forks that estimate came out anywhere between 1 and 40 for identical noise (simulated), too noisy to
 * use. Taking out the clearly noisier benchmarks protects against what matters for a gate (a noisy
 * benchmark judged on a quiet pool would fail on noise); benchmarks quieter than the pool only lose
 * some power.
 *
 * <p>Paired builds go one step further ({@link #fitWithNoisierClasses}): the benchmarks taken out are
 * pooled again among themselves by the same rule, and so on, so that a benchmark somewhat noisier than
 * the quiet majority is steadied by others like it instead of standing alone on its two to eight
 * rounds, whose t quantile at a Bonferroni level (6 to 80) would leave it undecided however clear its
 * change. Each class keeps the guard: a benchmark that spreads significantly more than its class is
 * taken out of it too. Replayed on the recorded verdict-quality builds, this decided checks that one
 * disturbed round had left undecided, without a single unchanged benchmark failing (docs/verdict-quality.md).
 */
final class ForkVariancePrior {

    /** Fewer benchmarks than this cannot tell a shared noise level from chance. */
    static final int MIN_BENCHMARKS = 3;
    private static final double NOISIER_TEST_LEVEL = 0.01;

    private final double logVariance;
    private final double degreesOfFreedom;
    private final int benchmarks;
    /** 0 for the build's quiet majority; 1 for those that spread more than it, pooled; and so on. */
    private final int rank;
    /** The class of the benchmarks that spread significantly more than this one, when they are enough to pool. */
    private final Optional<ForkVariancePrior> noisier;

    private ForkVariancePrior(double logVariance, double degreesOfFreedom, int benchmarks, int rank,
                              Optional<ForkVariancePrior> noisier) {
        this.logVariance = logVariance;
        this.degreesOfFreedom = degreesOfFreedom;
        this.benchmarks = benchmarks;
        this.rank = rank;
        this.noisier = noisier;
    }

    /**
     * Pools the spreads of a build's benchmarks; spreads without variance (one fork per side, or
     * identical fork means) do not take part, nor do benchmarks that spread significantly more than
     * the others.
     *
     * @return empty when fewer than {@link #MIN_BENCHMARKS} benchmarks remain in the pool
     */
    static Optional<ForkVariancePrior> fit(List<ForkSpread> spreads) {
        return fit(spreads, 0, false);
    }

    /**
     * {@link #fit}, and the benchmarks left out pooled again among themselves, class after class, while
     * {@link #MIN_BENCHMARKS} or more are left out together.
     */
    static Optional<ForkVariancePrior> fitWithNoisierClasses(List<ForkSpread> spreads) {
        return fit(spreads, 0, true);
    }

    private static Optional<ForkVariancePrior> fit(List<ForkSpread> spreads, int rank, boolean classes) {
        List<ForkSpread> pool = new ArrayList<>(spreads.stream().filter(ForkSpread::hasVariance).toList());
        List<ForkSpread> leftOut = new ArrayList<>();
        while (pool.size() >= MIN_BENCHMARKS) {
            double squares = 0;
            double degrees = 0;
            for (ForkSpread s : pool) {
                squares += s.degreesOfFreedom() * s.logVariance();
                degrees += s.degreesOfFreedom();
            }
            ForkSpread noisiest = null;
            double worst = 1;
            // within one pass the critical value depends only on a benchmark's own degrees of freedom: a few values
            Map<Double, Double> criticalByDegrees = new HashMap<>();
            for (ForkSpread s : pool) {
                double othersDegrees = degrees - s.degreesOfFreedom();
                double othersVariance = (squares - s.degreesOfFreedom() * s.logVariance()) / othersDegrees;
                double critical = criticalByDegrees.computeIfAbsent(s.degreesOfFreedom(), d -> critical(d, othersDegrees));
                double ratio = s.logVariance() / othersVariance / critical;
                if (ratio > worst) {
                    worst = ratio;
                    noisiest = s;
                }
            }
            if (noisiest == null) {
                Optional<ForkVariancePrior> noisier = classes ? fit(leftOut, rank + 1, true) : Optional.empty();
                return Optional.of(new ForkVariancePrior(squares / degrees, degrees, pool.size(), rank, noisier));
            }
            pool.remove(noisiest);
            leftOut.add(noisiest);
        }
        return Optional.empty();
    }

    /**
     * The benchmark's variance steadied by the pool; when its forks spread significantly more than the
     * pool's (then the pool says nothing about it), steadied by the noisier class it belongs to, or its
     * own when there is none.
     */
    ForkSpread moderate(ForkSpread own) {
        if (own.degreesOfFreedom() == 0) {
            return new ForkSpread(logVariance, degreesOfFreedom);
        }
        if (spreadsMoreThanPrior(own)) {
            return noisier.map(n -> n.moderate(own)).orElse(own);
        }
        double d = own.degreesOfFreedom();
        double ownVariance = own.hasVariance() ? own.logVariance() : 0;
        return new ForkSpread((degreesOfFreedom * logVariance + d * ownVariance) / (degreesOfFreedom + d), degreesOfFreedom + d);
    }

    /** The class that steadies {@code own}: this one, a noisier one, or none (it is judged on its own forks). */
    Optional<ForkVariancePrior> classOf(ForkSpread own) {
        if (!spreadsMoreThanPrior(own)) {
            return Optional.of(this);
        }
        return noisier.flatMap(n -> n.classOf(own));
    }

    boolean spreadsMoreThanPrior(ForkSpread own) {
        return own.hasVariance() && own.logVariance() / logVariance > critical(own.degreesOfFreedom(), degreesOfFreedom);
    }

    private static double critical(double numeratorDegrees, double denominatorDegrees) {
        return Quantiles.fisherF(numeratorDegrees, denominatorDegrees, 1 - NOISIER_TEST_LEVEL);
    }

    double logVariance() {
        return logVariance;
    }

    double degreesOfFreedom() {
        return degreesOfFreedom;
    }

    int benchmarks() {
        return benchmarks;
    }

    /** For interval method strings: "fork variance pooled over 20 benchmarks (df 40)". */
    String describe() {
        return "fork variance pooled over " + benchmarks + " benchmarks"
                + (rank == 0 ? "" : " that spread more than the build's others" + (rank == 1 ? "" : " (class " + (rank + 1) + ")"))
                + " (df " + Quantity.fixed(degreesOfFreedom, 0) + ")";
    }

    /** 0 for the quiet majority's pool, 1 and up for the noisier classes. */
    int rank() {
        return rank;
    }
}
