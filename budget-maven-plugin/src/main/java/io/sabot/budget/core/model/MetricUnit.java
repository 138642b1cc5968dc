package io.sabot.budget.core.model;

import java.util.Locale;
import java.util.Objects;

/**
 * A unit of a JMH score or a budget limit, with the factor that converts it to its dimension's base
 * unit (ns/op, ops/s, B/op, B/sec). Parsed from JMH's unit strings ("us/op", "ops/ms", "B/op",
 * "MB/sec") and from budget files ("10us", "100K ops/s", "2 KB/op").
 */
public record MetricUnit(String label, Dimension dimension, double toBase) {

    public MetricUnit {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(dimension, "dimension");
    }

    public static final MetricUnit NS_PER_OP = new MetricUnit("ns/op", Dimension.TIME_PER_OP, 1);
    public static final MetricUnit OPS_PER_S = new MetricUnit("ops/s", Dimension.OPS_PER_TIME, 1);
    public static final MetricUnit BYTES_PER_OP = new MetricUnit("B/op", Dimension.BYTES_PER_OP, 1);

    /** Converts {@code value} expressed in this unit to {@code target}. */
    public double convert(double value, MetricUnit target) {
        if (!isComparableTo(target)) {
            throw new IllegalArgumentException("cannot convert " + label + " to " + target.label);
        }
        return value * toBase / target.toBase;
    }

    public boolean isComparableTo(MetricUnit other) {
        if (dimension != other.dimension) {
            return false;
        }
        return dimension != Dimension.OTHER || label.equals(other.label);
    }

    /**
     * Parses a unit as JMH prints it or as a person writes it in a budget file. Accepts a multiplier
     * on operation counts (K, M, G) and on bytes (KB, MB, GB, binary 1024 steps as JMH uses).
     *
     * @throws IllegalArgumentException naming the accepted units
     */
    public static MetricUnit parse(String text) {
        String raw = text.trim();
        String unit = raw.replace(" ", "");
        int slash = unit.indexOf('/');
        if (slash < 0) {
            Double time = timeFactor(unit);
            if (time != null) {
                return new MetricUnit(unit + "/op", Dimension.TIME_PER_OP, time);
            }
            Double bytes = byteFactor(unit);
            if (bytes != null) {
                return new MetricUnit(unit + "/op", Dimension.BYTES_PER_OP, bytes);
            }
            if (unit.isEmpty()) {
                throw new IllegalArgumentException("missing unit; " + ACCEPTED);
            }
            return new MetricUnit(raw, Dimension.OTHER, 1);
        }
        String numerator = unit.substring(0, slash);
        String denominator = unit.substring(slash + 1);
        if (denominator.equals("op")) {
            Double time = timeFactor(numerator);
            if (time != null) {
                return new MetricUnit(unit, Dimension.TIME_PER_OP, time);
            }
            Double bytes = byteFactor(numerator);
            if (bytes != null) {
                return new MetricUnit(unit, Dimension.BYTES_PER_OP, bytes);
            }
        }
        Double perTime = timeFactor(denominator.equals("sec") ? "s" : denominator);
        if (perTime != null) {
            Double ops = opsFactor(numerator);
            if (ops != null) {
                // x ops per (t ns) = x / (t * 1e-9) ops/s
                return new MetricUnit(unit, Dimension.OPS_PER_TIME, ops * 1e9 / perTime);
            }
            Double bytes = byteFactor(numerator);
            if (bytes != null) {
                return new MetricUnit(unit, Dimension.BYTES_PER_TIME, bytes * 1e9 / perTime);
            }
        }
        if (looksLikeKnownFamily(numerator, denominator)) {
            throw new IllegalArgumentException("unknown unit '" + raw + "'; " + ACCEPTED);
        }
        return new MetricUnit(raw, Dimension.OTHER, 1);
    }

    public static final String ACCEPTED = "accepted units: ns, us, ms, s (per op); ops/ns, ops/us, ops/ms, ops/s, ops/min"
            + " with K, M or G (e.g. 100K ops/s); B, KB, MB, GB per op; B/sec, KB/sec, MB/sec, GB/sec";

    private static boolean looksLikeKnownFamily(String numerator, String denominator) {
        return denominator.equals("op") || numerator.toLowerCase(Locale.ROOT).endsWith("ops")
                || numerator.endsWith("B");
    }

    /** Nanoseconds per unit of time, or null. */
    private static Double timeFactor(String unit) {
        switch (unit) {
            case "ns": return 1d;
            case "us": case "µs": case "μs": return 1e3;
            case "ms": return 1e6;
            case "s": return 1e9;
            case "min": return 60e9;
            default: return null;
        }
    }

    private static Double opsFactor(String unit) {
        switch (unit) {
            case "ops": case "op": return 1d;
            case "Kops": case "kops": case "Kop": return 1e3;
            case "Mops": case "Mop": return 1e6;
            case "Gops": case "Gop": return 1e9;
            default: return null;
        }
    }

    private static Double byteFactor(String unit) {
        switch (unit) {
            case "B": return 1d;
            case "KB": case "KiB": return 1024d;
            case "MB": case "MiB": return 1024d * 1024;
            case "GB": case "GiB": return 1024d * 1024 * 1024;
            default: return null;
        }
    }

    @Override
    public String toString() {
        return label;
    }
}
