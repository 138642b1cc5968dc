package io.sabot.budget.core.check.stats;

import java.util.Arrays;
import java.util.List;

/**
 * Percentiles of JMH SampleTime histograms ((value, count) pairs). The p-th percentile is the
 * smallest value whose cumulative count reaches p% of all samples, JMH's own definition.
 */
public final class WeightedPercentile {

    private WeightedPercentile() {
    }

    /** Percentile {@code p} (0..100) over the union of the given histograms. */
    public static double of(List<double[][]> histograms, double p) {
        int size = 0;
        for (double[][] h : histograms) {
            size += h.length;
        }
        double[][] all = new double[size][];
        int k = 0;
        double total = 0;
        for (double[][] h : histograms) {
            for (double[] pair : h) {
                all[k++] = pair;
                total += pair[1];
            }
        }
        if (total <= 0) {
            throw new IllegalArgumentException("the histograms hold no samples");
        }
        Arrays.sort(all, (a, b) -> Double.compare(a[0], b[0]));
        if (p >= 100) {
            return all[all.length - 1][0];
        }
        double target = Math.max(1, Math.ceil(total * p / 100.0));
        double cumulative = 0;
        for (double[] pair : all) {
            cumulative += pair[1];
            if (cumulative >= target) {
                return pair[0];
            }
        }
        return all[all.length - 1][0];
    }
}
