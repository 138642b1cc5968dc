package io.sabot.budget.harness;

import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.RunResults;
import java.util.List;
import java.util.Optional;

/** The noise a build's verdicts had to see through, pooled over its benchmarks (log scale). */
final class Noise {

    private Noise() {
    }

    /**
     * The standard deviation of {@code log(current_i / baseline_i)} over a paired build's first
     * {@code rounds} rounds, pooled over the benchmarks (each with {@code rounds - 1} degrees of freedom).
     */
    static double pairedRoundNoise(RunResults current, RunResults baseline, int rounds) {
        double squares = 0;
        int degrees = 0;
        for (BenchmarkResult now : current.results()) {
            Optional<BenchmarkResult> then = baseline.find(now.key());
            if (then.isEmpty()) {
                continue;
            }
            List<double[]> a = now.primary().rawData();
            List<double[]> b = then.get().primary().rawData();
            int n = Math.min(rounds, Math.min(a.size(), b.size()));
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = Math.log(mean(a.get(i)) / mean(b.get(i)));
            }
            squares += squaresAroundMean(d);
            degrees += Math.max(0, n - 1);
        }
        return degrees == 0 ? Double.NaN : Math.sqrt(squares / degrees);
    }

    /** The standard deviation of the log fork means of the first {@code forks} forks, pooled over the benchmarks. */
    static double forkNoise(RunResults results, int forks) {
        double squares = 0;
        int degrees = 0;
        for (BenchmarkResult r : results.results()) {
            List<double[]> raw = r.primary().rawData();
            int n = Math.min(forks, raw.size());
            double[] logs = new double[n];
            for (int i = 0; i < n; i++) {
                logs[i] = Math.log(mean(raw.get(i)));
            }
            squares += squaresAroundMean(logs);
            degrees += Math.max(0, n - 1);
        }
        return degrees == 0 ? Double.NaN : Math.sqrt(squares / degrees);
    }

    private static double squaresAroundMean(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double m = mean(values);
        double s = 0;
        for (double v : values) {
            s += (v - m) * (v - m);
        }
        return s;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
