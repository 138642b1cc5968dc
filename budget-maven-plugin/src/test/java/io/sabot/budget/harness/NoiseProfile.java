package io.sabot.budget.harness;

import io.sabot.budget.core.model.BenchmarkResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How noisy each benchmark of a pool is, on a build's measurement iterations: the mean, the spread of
 * fork means (fork-to-fork coefficient of variation) and the mean spread of iterations within a fork.
 * The fork-to-fork part is what no number of iterations in one fork can average away.
 */
record NoiseProfile(List<Line> lines) {

    record Line(String benchmark, double mean, double forkCv, double iterationCv) {
    }

    NoiseProfile {
        lines = List.copyOf(lines);
    }

    static NoiseProfile of(Map<BenchmarkResult, List<double[]>> pool, BuildSettings settings) {
        List<Line> lines = new ArrayList<>();
        for (Map.Entry<BenchmarkResult, List<double[]>> e : pool.entrySet()) {
            List<double[]> forks = e.getValue().stream().map(settings::slice).toList();
            double[] forkMeans = forks.stream().mapToDouble(f -> mean(f)).toArray();
            double iterationCv = forks.stream().mapToDouble(f -> cv(f)).average().orElse(Double.NaN);
            lines.add(new Line(e.getKey().key().paramsText(), mean(forkMeans), cv(forkMeans), iterationCv));
        }
        return new NoiseProfile(lines);
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Sample standard deviation over mean; NaN for fewer than two values. */
    static double cv(double[] values) {
        if (values.length < 2) {
            return Double.NaN;
        }
        double m = mean(values);
        double sum = 0;
        for (double v : values) {
            sum += (v - m) * (v - m);
        }
        return Math.sqrt(sum / (values.length - 1)) / m;
    }
}
