package io.sabot.budget.core.gate;

import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.Direction;
import io.sabot.budget.core.model.Metric;
import io.sabot.budget.core.model.RunResults;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A first budget file for a project that has none: one budget per benchmark (and @Param set) from
 * the figures of this run, each limit {@link #SLACK} looser than measured, so that a newcomer's
 * {@code mvn verify} ends with a file to review instead of a blank page. It is a starting point, not a
 * spec: the header says so, and it is written to the build directory, never over the user's files.
 */
final class StarterBudgets {

    /** How much looser than measured each starter limit is. */
    static final double SLACK = 1.5;

    private StarterBudgets() {
    }

    static String render(RunResults run, Path target, Instant measuredAt) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("# Starter budgets written by budget-maven-plugin from the run of ").append(measuredAt).append(":\n");
        yaml.append("# one budget per benchmark, each limit ").append(Math.round((SLACK - 1) * 100))
                .append("% looser than this run measured.\n");
        yaml.append("# They are a starting point, not a spec: set each limit to what the code must achieve, then copy\n");
        yaml.append("# this file to ").append(target).append(" and commit it.\n");
        yaml.append("version: 1\n");
        yaml.append("defaults:\n  regression: 10%   # allowed slowdown against the baseline\n  level: error      # error fails the build, warn only reports\n");
        // Without these the next run takes JMH's own defaults (5 forks of 5 x 10 s warm-up and 5 x 10 s
        // measurement), close to 10 minutes a benchmark: a newcomer's second build would seem to hang.
        int benchmarks = run.results().size();
        yaml.append("jmh:               # about ").append(STARTER_SECONDS_PER_BENCHMARK)
                .append(" s a benchmark, ").append(minutes(benchmarks * STARTER_SECONDS_PER_BENCHMARK))
                .append(" for these ").append(benchmarks).append("; JMH's own defaults take about 10 min a benchmark\n");
        yaml.append("  forks: 2\n  warmup: 3 x 1s\n  measurement: 5 x 1s\n");
        yaml.append("budgets:\n");
        Set<String> ids = new LinkedHashSet<>();
        for (BenchmarkResult result : run.results()) {
            Metric primary = result.primary();
            if (!(primary.score() > 0) || !Double.isFinite(primary.score())) {
                continue;
            }
            String id = uniqueId(ids, result);
            yaml.append("  - id: ").append(quote(id)).append('\n');
            yaml.append("    benchmark: ").append(quote(result.key().benchmark())).append('\n');
            if (!result.key().params().isEmpty()) {
                yaml.append("    params: {");
                String separator = " ";
                for (Map.Entry<String, String> p : new TreeMap<>(result.key().params()).entrySet()) {
                    yaml.append(separator).append(p.getKey()).append(": ").append(quote(p.getValue()));
                    separator = ", ";
                }
                yaml.append(" }\n");
            }
            boolean lowerIsBetter = primary.direction() == Direction.LOWER_IS_BETTER;
            BigDecimal measured = BigDecimal.valueOf(primary.score());
            BigDecimal slack = BigDecimal.valueOf(SLACK);
            // Three significant digits, rounded away from the measured value, so a limit is never tighter than it.
            BigDecimal limit = lowerIsBetter ? measured.multiply(slack).round(new MathContext(3, RoundingMode.UP))
                    : measured.divide(slack, new MathContext(3, RoundingMode.DOWN));
            yaml.append("    ").append(lowerIsBetter ? "max: " : "min: ").append(plain(limit)).append(' ')
                    .append(primary.unit().label()).append("   # measured ")
                    .append(plain(measured.round(new MathContext(3, RoundingMode.HALF_UP)))).append(' ')
                    .append(primary.unit().label()).append(" (")
                    .append(result.key().mode().jmhName()).append(")\n");
        }
        return yaml.toString();
    }

    /** 2 forks of 3 s warm-up and 5 s measurement, and each fork's JVM start and set-up. */
    static final int STARTER_SECONDS_PER_BENCHMARK = 20;

    private static String minutes(int seconds) {
        return seconds < 90 ? "about " + seconds + " s" : "about " + Math.round(seconds / 60.0) + " min";
    }

    private static String uniqueId(Set<String> ids, BenchmarkResult result) {
        String name = result.key().benchmark();
        int method = name.lastIndexOf('.');
        int type = name.lastIndexOf('.', method - 1);
        StringBuilder id = new StringBuilder(name.substring(type + 1));
        new TreeMap<>(result.key().params()).forEach((k, v) -> id.append('-').append(k).append('=').append(v));
        String base = id.toString();
        String candidate = base;
        for (int n = 2; !ids.add(candidate); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
