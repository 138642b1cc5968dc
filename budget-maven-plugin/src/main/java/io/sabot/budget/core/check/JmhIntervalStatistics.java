package io.sabot.budget.core.check;

import io.sabot.budget.core.model.Direction;
import io.sabot.budget.core.model.Metric;
import io.sabot.budget.core.model.Verdict;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Decides on JMH's own 99.9% confidence intervals (Student t over all iterations). Simple and
 * well known, but it pools forks and iterations, so it understates fork-to-fork variance; kept as
 * the fallback when raw samples are missing and as a reference for the verdict-quality harness.
 */
public final class JmhIntervalStatistics implements Statistics {

    @Override
    public Interval scoreInterval(Metric metric) {
        if (Double.isFinite(metric.confidenceLow()) && Double.isFinite(metric.confidenceHigh())) {
            return new Interval(metric.confidenceLow(), metric.score(), metric.confidenceHigh(), "JMH 99.9% CI");
        }
        return Interval.point(metric.score(), "single value, no interval");
    }

    @Override
    public Interval percentileInterval(Metric metric, double percentile) {
        Double value = metric.percentiles().get(percentile);
        if (value == null) {
            value = percentile >= 100 ? metric.percentiles().get(100.0) : null;
        }
        if (value == null) {
            throw new MissingSamplesException("its results hold no SampleTime histogram (rawDataHistogram) and JMH reported"
                    + " no " + label(percentile) + " (only " + metric.percentiles().keySet().stream().sorted()
                    .map(JmhIntervalStatistics::label).collect(Collectors.joining(", ")) + ")");
        }
        return Interval.point(value, "JMH percentile, no interval");
    }

    @Override
    public Interval ratioInterval(Metric numerator, Metric denominator) {
        Interval n = scoreInterval(numerator);
        Interval d = scoreInterval(denominator);
        // Throughput and time are positive: an interval reaching below zero only says "very uncertain".
        double low = Math.max(0, n.low()) / d.high();
        double high = d.low() <= 0 ? Double.POSITIVE_INFINITY : Math.max(0, n.high()) / d.low();
        return new Interval(low, n.estimate() / d.estimate(), high, "ratio of JMH CIs");
    }

    @Override
    public RegressionDecision regression(Metric baseline, Metric current, Direction direction, double threshold, int comparisons) {
        Interval b = scoreInterval(baseline);
        Interval c = scoreInterval(current);
        double estimate = direction.slowdown(b.estimate(), c.estimate());
        double worst = direction == Direction.LOWER_IS_BETTER ? direction.slowdown(b.low(), c.high()) : direction.slowdown(b.high(), c.low());
        double best = direction == Direction.LOWER_IS_BETTER ? direction.slowdown(b.high(), c.low()) : direction.slowdown(b.low(), c.high());
        Interval slowdown = new Interval(best, estimate, worst, "from JMH CIs");
        Verdict verdict = best > threshold ? Verdict.FAIL : worst <= threshold ? Verdict.PASS : Verdict.INCONCLUSIVE;
        return new RegressionDecision(verdict, slowdown, List.of());
    }

    /** "p99", "p99.9". */
    private static String label(double percentile) {
        return "p" + (percentile == Math.rint(percentile) ? String.valueOf((long) percentile) : String.valueOf(percentile));
    }
}
