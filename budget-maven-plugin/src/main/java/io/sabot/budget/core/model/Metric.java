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

    public boolean hasHistograms() {
        return !histograms.isEmpty();
    }
}
