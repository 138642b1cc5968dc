package io.sabot.budget.core.check.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A two-stage bootstrap for nested data: resample forks with replacement, then iterations within
 * each chosen fork. The spread of the resampled means then carries both the fork-to-fork and the
 * iteration-to-iteration variance, where a plain t-interval over all iterations (JMH's own error)
 * treats iterations of one fork as independent and is too narrow when forks disagree. Seeded, so a
 * verdict is reproducible from the same numbers.
 */
public final class HierarchicalBootstrap {

    public static final int DEFAULT_RESAMPLES = 2_000;

    private final int resamples;
    private final long seed;

    public HierarchicalBootstrap(int resamples, long seed) {
        if (resamples < 100) {
            throw new IllegalArgumentException("at least 100 resamples are needed, not " + resamples);
        }
        this.resamples = resamples;
        this.seed = seed;
    }

    /** {@code resamples} bootstrap replicates of the mean of {@code samples}. */
    public double[] means(Samples samples) {
        SplittableRandom random = new SplittableRandom(seed ^ samples.count() * 0x9E3779B97F4A7C15L);
        double[] means = new double[resamples];
        int forks = samples.forkCount();
        for (int r = 0; r < resamples; r++) {
            double sum = 0;
            int n = 0;
            for (int f = 0; f < forks; f++) {
                double[] fork = samples.fork(forks == 1 ? 0 : random.nextInt(forks));
                for (int i = 0; i < fork.length; i++) {
                    sum += fork[random.nextInt(fork.length)];
                }
                n += fork.length;
            }
            means[r] = sum / n;
        }
        return means;
    }

    /** The {@code q} quantile (0..1) of {@code values}, linearly interpolated; sorts a copy. */
    public static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sortedQuantile(sorted, q);
    }

    static double sortedQuantile(double[] sorted, double q) {
        if (sorted.length == 1) {
            return sorted[0];
        }
        double position = q * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(lower + 1, sorted.length - 1);
        double fraction = position - lower;
        return sorted[lower] + fraction * (sorted[upper] - sorted[lower]);
    }
}
