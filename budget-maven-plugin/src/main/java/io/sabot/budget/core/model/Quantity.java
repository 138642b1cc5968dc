package io.sabot.budget.core.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
            String digits = fixed(value, 0);
            StringBuilder grouped = new StringBuilder(digits.length() + digits.length() / 3);
            int first = digits.startsWith("-") ? 1 : 0;
            grouped.append(digits, 0, first);
            for (int i = first; i < digits.length(); i++) {
                if (i > first && (digits.length() - i) % 3 == 0) {
                    grouped.append(',');
                }
                grouped.append(digits.charAt(i));
            }
            return grouped.toString();
        }
        if (abs >= 100) {
            return fixed(value, 1);
        }
        if (abs >= 1) {
            return fixed(value, 3);
        }
        return fixed(value, 4);
    }

    /**
     * {@code String.format(Locale.ROOT, "%.nf", value)} without the Formatter, which a report of 1,000
     * benchmarks called ten thousand times (a tenth of a cold budget:compare): both round the shortest
     * decimal form of the double half up, and both keep the sign of a negative value that rounds to 0.
     */
    public static String fixed(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return Double.toString(value); // "NaN", "Infinity", "-Infinity", as the Formatter writes them
        }
        String shortest = Double.toString(value);
        if (shortest.indexOf('E') < 0) {
            return roundedHalfUp(shortest, decimals);
        }
        String text = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        boolean negative = value < 0 || (value == 0 && 1 / value < 0);
        return negative && !text.startsWith("-") ? "-" + text : text;
    }

    /**
     * What {@code new BigDecimal(shortest).setScale(decimals, HALF_UP).toPlainString()} writes, with the
     * sign kept, for a plain "-12.345" (no exponent): the BigDecimal was half of a cold report's formatting.
     */
    private static String roundedHalfUp(String shortest, int decimals) {
        int start = shortest.startsWith("-") ? 1 : 0;
        int point = shortest.indexOf('.');
        int fractionDigits = shortest.length() - point - 1;
        StringBuilder digits = new StringBuilder(point - start + decimals + 2);
        digits.append(shortest, start, point).append(shortest, point + 1, point + 1 + Math.min(decimals, fractionDigits));
        for (int i = fractionDigits; i < decimals; i++) {
            digits.append('0');
        }
        if (decimals < fractionDigits && shortest.charAt(point + 1 + decimals) >= '5') {
            int i = digits.length() - 1;
            while (i >= 0 && digits.charAt(i) == '9') {
                digits.setCharAt(i--, '0');
            }
            if (i >= 0) {
                digits.setCharAt(i, (char) (digits.charAt(i) + 1));
            } else {
                digits.insert(0, '1');
            }
        }
        if (decimals > 0) {
            digits.insert(digits.length() - decimals, '.');
        }
        return start == 1 ? digits.insert(0, '-').toString() : digits.toString();
    }
}
