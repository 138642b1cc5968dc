package io.sabot.budget.harness;

import io.sabot.budget.core.model.BenchmarkResult;
import java.util.List;

/**
 * One benchmark of a simulated build: the JMH result it stands for (key, unit, JVM) and the forks of
 * its baseline, of the current run and of a confirmation rerun, each fork a list of iteration scores.
 */
record BenchmarkDraw(BenchmarkResult template, List<double[]> baseline, List<double[]> current, List<double[]> confirmation) {

    BenchmarkDraw {
        baseline = List.copyOf(baseline);
        current = List.copyOf(current);
        confirmation = List.copyOf(confirmation);
    }

    /** The slowdown of the current mean against the baseline mean, positive when slower. */
    double meanSlowdown() {
        return template.primary().direction().slowdown(mean(baseline), mean(current));
    }

    static double mean(List<double[]> forks) {
        double sum = 0;
        int n = 0;
        for (double[] fork : forks) {
            for (double v : fork) {
                sum += v;
                n++;
            }
        }
        return sum / n;
    }
}
