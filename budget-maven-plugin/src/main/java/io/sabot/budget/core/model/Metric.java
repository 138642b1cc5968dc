package io.sabot.budget.core.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One metric of a benchmark result as JMH reports it: the score with its error and confidence
 * interval, the unit, the percentiles, and every raw sample.
 *
 * @param rawData      per fork, per measurement iteration, the iteration score
 * @param histograms   SampleTime only: per fork, per iteration, (value, count) pairs; empty otherwise
 */
public record Metric(
        String name,
        double score,
        double scoreError,
        double confidenceLow,
        double confidenceHigh,
        MetricUnit unit,
        Direction direction,
        Map<Double, Double> percentiles,
        List<double[]> rawData,
        List<List<double[][]>> histograms) {

    public Metric {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(direction, "direction");
        percentiles = Map.copyOf(percentiles);
        rawData = List.copyOf(rawData);
        histograms = List.copyOf(histograms);
    }

    /** Score converted to {@code target}. */
    public double scoreIn(MetricUnit target) {
        return unit.convert(score, target);
    }

    public int sampleCount() {
        int n = 0;
        for (double[] fork : rawData) {
            n += fork.length;
        }
        return n;
    }

    /**
     * Per fork, the score of every measurement iteration: the raw data, or for SampleTime results
     * (which JMH writes as histograms only) each iteration's mean sample.
     */
    public List<double[]> iterationScores() {
        if (!rawData.isEmpty() || histograms.isEmpty()) {
            return rawData;
        }
        List<double[]> forks = new java.util.ArrayList<>();
        for (List<double[][]> fork : histograms) {
            double[] means = new double[fork.size()];
            for (int i = 0; i < means.length; i++) {
                double sum = 0;
                double count = 0;
                for (double[] bucket : fork.get(i)) {
                    sum += bucket[0] * bucket[1];
                    count += bucket[1];
                }
                means[i] = count > 0 ? sum / count : Double.NaN;
            }
            forks.add(means);
        }
        return forks;
    }

    public boolean hasHistograms() {
        return !histograms.isEmpty();
    }
}
