package io.sabot.budget.core.model;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A value with its unit, such as a budget limit "10 us/op" or "100K ops/s". */
public record Quantity(double value, MetricUnit unit) {

    private static final Pattern NUMBER_THEN_UNIT =
            Pattern.compile("^\\s*([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*([KMG](?=\\s*ops))?\\s*(.*)$");

    public double in(MetricUnit target) {
        return unit.convert(value, target);
    }

    /**
     * Parses "10us", "10 us/op", "1.5ms", "100K ops/s", "5M ops/s", "0 B/op", "2 KB/op", "300 MB/sec".
     *
     * @throws IllegalArgumentException with the accepted forms
     */
    public static Quantity parse(String text) {
        Matcher m = NUMBER_THEN_UNIT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a number followed by a unit, e.g. 10us or 100K ops/s");
        }
        double value = Double.parseDouble(m.group(1));
        String multiplier = m.group(2);
        String unitText = m.group(3).trim();
        if (unitText.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' has no unit; " + MetricUnit.ACCEPTED);
        }
        if (multiplier != null) {
            value *= switch (multiplier) {
                case "K" -> 1e3;
                case "M" -> 1e6;
                default -> 1e9;
            };
        }
        return new Quantity(value, MetricUnit.parse(unitText));
    }

    @Override
    public String toString() {
        return format(value) + " " + unit.label();
    }

    /** Compact human formatting with about four significant digits. */
    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        double abs = Math.abs(value);
        if (abs != 0 && (abs >= 1e7 || abs < 1e-3)) {
            return String.format(Locale.ROOT, "%.3e", value);
        }
        if (abs >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (abs >= 1) {
            return String.format(Locale.ROOT, "%.3f", value);
        }
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
