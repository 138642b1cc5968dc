package io.sabot.budget.core.model;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A JDK comparison: the same benchmarks measured on several JDKs in one build, forks interleaved
 * round by round (each round runs one fork of a few benchmarks on every JDK, in an order drawn at
 * random from {@code seed}). The first JDK is the reference; every other JDK's scores are judged as
 * paired ratios against it.
 *
 * @param jdks      the JDKs in the order given, the reference first
 * @param seed      the seed of the random order within each round (reproduces the order)
 * @param runs      every run of a group of benchmarks on all JDKs, in the order they ran
 * @param budgetsOn the one JDK whose results the budgets' limits judge; empty: every JDK
 * @param rows      per benchmark result, its score on each JDK and the ratio to the reference
 */
public record JdkComparison(List<Jdk> jdks, long seed, List<Run> runs, Optional<String> budgetsOn, List<Row> rows) {

    public JdkComparison {
        jdks = List.copyOf(jdks);
        if (jdks.size() < 2) {
            throw new IllegalArgumentException("a JDK comparison needs two or more JDKs, not " + jdks.size());
        }
        runs = List.copyOf(runs);
        Objects.requireNonNull(budgetsOn, "budgetsOn");
        rows = List.copyOf(rows);
    }

    public Jdk reference() {
        return jdks.get(0);
    }

    /**
     * One JDK of the comparison.
     *
     * @param label   how reports name it: the JDK home's directory name ({@code temurin-25-jdk-amd64})
     * @param java    its java executable
     * @param version the JDK version its forks reported ({@code 25.0.1}); empty before it ran
     */
    public record Jdk(String label, Path java, String version) {
        public Jdk {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(java, "java");
            Objects.requireNonNull(version, "version");
        }

        /** The JDK of {@code java} (an executable {@code <home>/bin/java}), named after its home directory. */
        public static Jdk of(Path java) {
            Path bin = java.toAbsolutePath().normalize().getParent();
            Path home = bin == null ? null : bin.getParent();
            String label = home != null && home.getFileName() != null ? home.getFileName().toString() : java.toString();
            return new Jdk(label, java, "");
        }

        public Jdk withVersion(String reported) {
            return new Jdk(label, java, reported);
        }

        /** "temurin-25-jdk-amd64 (25.0.1)". */
        public String describe() {
            return version.isEmpty() ? label : label + " (" + version + ")";
        }
    }

    /**
     * One run of a group: the same few benchmarks, one fork on each JDK, one after the other.
     *
     * @param round  1-based round
     * @param params the {@code @Param} values the run was pinned to ({@code -p}); empty: every combination
     * @param order  the labels of the JDKs in the order their forks ran
     */
    public record Run(int round, List<String> benchmarks, Map<String, String> params, List<String> order) {
        public Run {
            benchmarks = List.copyOf(benchmarks);
            params = Collections.unmodifiableMap(new TreeMap<>(params));
            order = List.copyOf(order);
        }

        /** "[size=10]" for a run pinned to those values, "" otherwise. */
        public String paramsText() {
            return params.isEmpty() ? "" : params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(",", "[", "]"));
        }
    }

    /** A benchmark result ({@code @Param} combination and mode) on every JDK. */
    public record Row(BenchmarkKey key, String unit, List<Cell> cells) {
        public Row {
            Objects.requireNonNull(key, "key");
            cells = List.copyOf(cells);
        }
    }

    /**
     * One JDK's score of a row (JMH's score of its pooled forks) and the paired estimate of its ratio to
     * the reference (this JDK / reference, the per-round ratios of steady fork means on the log scale; above
     * 1 is a larger number, which is slower for a time and faster for a throughput), with its interval; the reference's own cell has ratio 1 and no
     * interval (NaN bounds), and a JDK without the benchmark has a NaN score.
     *
     * @param verdict the verdict of the comparison check against the regression threshold, empty for the reference
     */
    public record Cell(String jdk, double score, double ratio, double low, double high, Optional<Verdict> verdict) {
        public Cell {
            Objects.requireNonNull(jdk, "jdk");
            Objects.requireNonNull(verdict, "verdict");
        }
    }
}
