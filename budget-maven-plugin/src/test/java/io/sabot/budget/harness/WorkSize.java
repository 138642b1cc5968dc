package io.sabot.budget.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Properties;

/**
 * How much work each fixture benchmark does: log-spaced from {@link #SMALLEST} dependent arithmetic
 * steps (id 0, about 1 us here) to 100 times that (id 19, about 100 us), times {@code 1 + slowdown}.
 */
final class WorkSize {

    static final int BENCHMARKS = 20;
    /** Steps of the cheapest benchmark: about 1 us at ~4 cycles per dependent multiply-add. */
    static final long SMALLEST = 500;

    private WorkSize() {
    }

    static long steps(int id, double slowdown) {
        if (id < 0 || id >= BENCHMARKS) {
            throw new IllegalArgumentException("benchmark id must be 0.." + (BENCHMARKS - 1) + ", not " + id);
        }
        double base = SMALLEST * Math.pow(100, id / (double) (BENCHMARKS - 1));
        return Math.round(base * (1 + slowdown));
    }

    /** The classpath resource that sets the slowdown of one side of a paired build (key {@value #RESOURCE_KEY}). */
    static final String RESOURCE = "harness-slowdown.properties";
    static final String RESOURCE_KEY = "slowdown";

    /**
     * The slowdown a fork runs with: the system property when it is set (the pools of stored-baseline
     * mode), else the {@value #RESOURCE} resource first on the classpath (the two sides of a paired
     * build, which share their JVM arguments by design and differ only in their classpath), else none.
     */
    static double configuredSlowdown(String property, URL resource) {
        if (property != null && !property.isBlank()) {
            return slowdown(property);
        }
        if (resource == null) {
            return 0;
        }
        Properties p = new Properties();
        try (InputStream in = resource.openStream()) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        String value = p.getProperty(RESOURCE_KEY);
        if (value == null) {
            throw new IllegalArgumentException(resource + " has no '" + RESOURCE_KEY + "' entry");
        }
        return slowdown(value);
    }

    /** Parses the slowdown property: a fraction from 0 (no change) to 1 (twice the work). */
    static double slowdown(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + CalibratedWorkBenchmark.SLOWDOWN_PROPERTY
                    + " must be a fraction such as 0.15, not '" + text + "'");
        }
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("-D" + CalibratedWorkBenchmark.SLOWDOWN_PROPERTY
                    + " must be between 0 and 1 (a fraction of extra work), not " + text);
        }
        return value;
    }
}
