package io.sabot.budget.core.check.stats;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Quantiles of Student's t and Fisher's F, remembered. Each is a root search over the regularized beta
 * function (commons-math), and a build asks for the same few again and again: one per check at the
 * pooled degrees of freedom, one per benchmark per benchmark taken out of the pooled fork variance. A
 * 1,000-benchmark comparison spent a third of its evaluation here.
 */
final class Quantiles {

    /** A bound, so a long-lived JVM (a Maven daemon) cannot collect them without end. */
    private static final int MAX_REMEMBERED = 10_000;
    private static final Map<Key, Double> REMEMBERED = new ConcurrentHashMap<>();

    private Quantiles() {
    }

    /** The {@code p} quantile of Student's t with {@code degreesOfFreedom}. */
    static double studentT(double degreesOfFreedom, double p) {
        return remembered(new Key('t', degreesOfFreedom, 0, p),
                k -> new TDistribution(null, k.first()).inverseCumulativeProbability(k.p()));
    }

    /** The {@code p} quantile of F with {@code numerator} and {@code denominator} degrees of freedom. */
    static double fisherF(double numerator, double denominator, double p) {
        return remembered(new Key('F', numerator, denominator, p),
                k -> new FDistribution(null, k.first(), k.second()).inverseCumulativeProbability(k.p()));
    }

    private static double remembered(Key key, java.util.function.ToDoubleFunction<Key> compute) {
        Double known = REMEMBERED.get(key);
        if (known != null) {
            return known;
        }
        double value = compute.applyAsDouble(key);
        if (REMEMBERED.size() >= MAX_REMEMBERED) {
            REMEMBERED.clear();
        }
        REMEMBERED.put(key, value);
        return value;
    }

    private record Key(char distribution, double first, double second, double p) {
    }
}
