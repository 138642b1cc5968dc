package io.sabot.budget.core.report;

import io.sabot.budget.core.check.CheckResult.Slowdown;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The linear slowdown axis of the forest plot (fractions; 0.10 = 10% slower). It spans 0, every
 * threshold and every interval, but no further than a cap either side: one +400% regression would
 * otherwise squash every other row into a few pixels around 0. The cap is the largest of three times
 * the largest threshold, 25%, and 1.5 times the median extent of the intervals (so a suite that is
 * slower as a whole is not cut everywhere). Values beyond the axis are drawn at its edge, marked.
 *
 * @param low  the left end, a multiple of {@code step}
 * @param high the right end, a multiple of {@code step}
 * @param step the distance between ticks
 */
record ForestAxis(double low, double high, double step) {

    static final double MIN_CAP = 0.25;
    private static final double DEFAULT_THRESHOLD = 0.10;

    static ForestAxis of(List<Slowdown> slowdowns) {
        double largestThreshold = 0;
        double low = 0;
        double high = 0;
        List<Double> extents = new ArrayList<>();
        for (Slowdown s : slowdowns) {
            if (Double.isFinite(s.threshold())) {
                largestThreshold = Math.max(largestThreshold, Math.abs(s.threshold()));
                low = Math.min(low, s.threshold());
                high = Math.max(high, s.threshold());
            }
            for (double v : new double[] {s.low(), s.estimate(), s.high()}) {
                if (Double.isFinite(v)) {
                    extents.add(Math.abs(v));
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
        }
        if (largestThreshold == 0) {
            largestThreshold = DEFAULT_THRESHOLD;
        }
        double cap = Math.max(Math.max(3 * largestThreshold, MIN_CAP), 1.5 * median(extents));
        low = Math.max(low, -cap);
        high = Math.min(high, cap);
        double span = high - low;
        if (span <= 0) {
            span = 2 * DEFAULT_THRESHOLD;
            high = DEFAULT_THRESHOLD;
            low = -DEFAULT_THRESHOLD;
        }
        low -= 0.04 * span;
        high += 0.04 * span;
        double step = niceStep((high - low) / 6);
        return new ForestAxis(Math.floor(low / step) * step, Math.ceil(high / step) * step, step);
    }

    /** 1, 2, 2.5 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double factor : new double[] {1, 2, 2.5, 5, 10}) {
            if (factor * power >= raw * (1 - 1e-9)) {
                return factor * power;
            }
        }
        return 10 * power;
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    boolean beyondLow(double value) {
        return value < low;
    }

    boolean beyondHigh(double value) {
        return value > high;
    }

    /** Where {@code value} lies between {@code left} and {@code right} pixels, held at the axis' ends. */
    double position(double value, double left, double right) {
        double clamped = Math.max(low, Math.min(high, value));
        return left + (clamped - low) / (high - low) * (right - left);
    }

    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        long first = Math.round(low / step);
        long last = Math.round(high / step);
        for (long k = first; k <= last; k++) {
            ticks.add(k * step);
        }
        return ticks;
    }

    /** A tick's label: "-10%", "0%", "+2.5%". */
    static String label(double fraction) {
        double percent = Math.round(fraction * 1000) / 10.0;
        if (percent == 0) {
            return "0%";
        }
        return percent == Math.rint(percent)
                ? String.format(Locale.ROOT, "%+d%%", (long) percent)
                : String.format(Locale.ROOT, "%+.1f%%", percent);
    }
}
