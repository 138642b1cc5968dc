package io.sabot.budget.core.check.stats;

import io.sabot.budget.core.model.Direction;
import io.sabot.budget.core.model.Metric;
import io.sabot.budget.core.model.MetricUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Seeded synthetic JMH-like measurements with known truth. */
final class Synthetic {

    private Synthetic() {
    }

    /**
     * forks x iterations samples around {@code mean}: each fork gets its own offset
     * (sd {@code forkSd}), each iteration noise (sd {@code iterationSd}), both relative to the mean.
     */
    static Metric avgt(Random random, double mean, int forks, int iterations, double forkSd, double iterationSd) {
        List<double[]> raw = new ArrayList<>();
        double sum = 0;
        for (int f = 0; f < forks; f++) {
            double forkMean = mean * (1 + forkSd * random.nextGaussian());
            double[] fork = new double[iterations];
            for (int i = 0; i < iterations; i++) {
                fork[i] = forkMean * (1 + iterationSd * random.nextGaussian());
                sum += fork[i];
            }
            raw.add(fork);
        }
        return metric(raw, sum / (forks * iterations));
    }

    static Metric of(double[]... forks) {
        double sum = 0;
        int n = 0;
        for (double[] fork : forks) {
            for (double v : fork) {
                sum += v;
                n++;
            }
        }
        return metric(List.of(forks), sum / n);
    }

    private static Metric metric(List<double[]> raw, double score) {
        return new Metric("primary", score, Double.NaN, Double.NaN, Double.NaN, MetricUnit.NS_PER_OP,
                Direction.LOWER_IS_BETTER, Map.of(), raw, List.of());
    }
}
