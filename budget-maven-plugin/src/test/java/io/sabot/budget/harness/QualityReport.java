package io.sabot.budget.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Renders the measured figures as Markdown and puts them into the report file between two marker
 * comments, so the hand-written explanation around them survives a regeneration. A missing file is
 * created with the figures only.
 */
final class QualityReport {

    static final String BEGIN = "<!-- verdict-quality:generated:begin -->";
    static final String END = "<!-- verdict-quality:generated:end -->";
    /** JMH's defaults per benchmark: 5 forks x (5 warmup + 5 measurement iterations of 10 s). */
    static final int JMH_DEFAULT_FORKS = 5;
    static final double JMH_DEFAULT_SECONDS_PER_FORK = 100;
    static final double TARGET_FALSE_FAIL = 0.01;
    static final double TARGET_DETECT_15 = 0.95;
    static final double TARGET_DETECT_10 = 0.80;
    static final double TARGET_TIME_SHARE = 0.25;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private QualityReport() {
    }

    static String render(Conditions conditions, List<QualityRow> rows) {
        return render(conditions, new NoiseProfile(List.of()), "", rows);
    }

    static String render(Conditions conditions, NoiseProfile noise, String noiseSource, List<QualityRow> rows) {
        StringBuilder out = new StringBuilder();
        out.append(BEGIN).append('\n');
        out.append("### Conditions\n\n");
        out.append("- Measured ").append(TIME.format(conditions.start())).append(" to ").append(TIME.format(conditions.end()))
                .append(String.format(Locale.ROOT, " (%d min of machine time).%n", conditions.span().toMinutes()));
        out.append("- Machine: ").append(conditions.cpu()).append(", ").append(conditions.cores()).append(" cores; ")
                .append(conditions.os()).append("; ").append(conditions.jdk()).append(".\n");
        out.append(String.format(Locale.ROOT, "- Fork overhead (JVM start, JMH setup; pool wall time minus iterations): %.2f s per fork.%n",
                conditions.overheadSecondsPerFork()));
        out.append("- Load average (1/5/15 min) around each pool, in the order measured:\n\n");
        out.append("| Pool | Injected slowdown | Started | Wall time | Load before | Load after |\n");
        out.append("|---|---|---|---|---|---|\n");
        for (Conditions.PoolLine p : conditions.pools()) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %.0f s | %s | %s |%n", p.name(), p.slowdown(),
                    TIME.format(p.start()), p.wallSeconds(), p.loadBefore(), p.loadAfter()));
        }
        out.append('\n');
        if (!noise.lines().isEmpty()) {
            out.append("Noise of each benchmark in ").append(noiseSource)
                    .append(" (coefficient of variation of fork means, and of iterations within a fork):\n\n");
            out.append("| Benchmark | Mean (us/op) | Fork-to-fork CV | Within-fork CV |\n|---|---|---|---|\n");
            for (NoiseProfile.Line line : noise.lines()) {
                out.append(String.format(Locale.ROOT, "| %s | %.1f | %s | %s |%n", line.benchmark(), line.mean(),
                        percent(line.forkCv()), percent(line.iterationCv())));
            }
            out.append('\n');
        }
        double jmhDefaultPerBuild = -1;
        String kind = null;
        for (QualityRow row : rows) {
            if (!row.build().name().equals(kind)) {
                kind = row.build().name();
                jmhDefaultPerBuild = jmhDefaultSecondsPerBuild(conditions.overheadSecondsPerFork(), benchmarksPerBuild(row));
                out.append("### ").append(row.build().label()).append("\n\n");
                out.append(String.format(Locale.ROOT, "Measurement time per build of %d benchmarks: %s (%s of JMH's defaults, %s).%n%n",
                        benchmarksPerBuild(row), duration(row.secondsPerBuild()), percent(row.secondsPerBuild() / jmhDefaultPerBuild),
                        duration(jmhDefaultPerBuild)));
                out.append("| Setting | Builds (independent) | Measured change | Plugin: builds failed | Plugin: benchmarks FAIL"
                        + " | Plugin: INCONCLUSIVE | Plugin, no confirmation: builds failed / benchmarks FAIL"
                        + " | Naive: builds failed | Naive: benchmarks FAIL | Confirmation time per build |\n");
                out.append("|---|---|---|---|---|---|---|---|---|---|\n");
            }
            out.append(row.builds() == 0 ? emptyRow(row) : String.format(Locale.ROOT,
                    "| %s | %d (%d) | %s | %s | %s | %s | %s / %s | %s | %s | %s |%n",
                    row.setting().name(), row.builds(), row.independentBuilds(),
                    Double.isNaN(row.measuredSlowdown()) ? "" : signed(row.measuredSlowdown()),
                    count(row.pluginConfirmed().failedBuilds(), row.builds()),
                    count(row.pluginConfirmed().fails(), row.pluginConfirmed().benchmarks()),
                    count(row.pluginConfirmed().inconclusives(), row.pluginConfirmed().benchmarks()),
                    percent(row.pluginFirstRun().buildFailRate()), percent(row.pluginFirstRun().benchmarkFailRate()),
                    count(row.naive().failedBuilds(), row.builds()),
                    count(row.naive().fails(), row.naive().benchmarks()),
                    duration(row.meanRerunSeconds())));
            if (row == lastOfKind(rows, kind)) {
                out.append('\n').append(targets(rows, kind, jmhDefaultPerBuild)).append('\n');
            }
        }
        out.append(END).append('\n');
        return out.toString();
    }

    /** A setting the pools hold too few forks for, with the reason. */
    private static String emptyRow(QualityRow row) {
        String reason = row.setting().withinPools().isEmpty() || row.build().baselineForks() == row.build().forks()
                ? "not enough forks: needs 2 groups of " + row.build().forks() + " in the current pool (3 within one pool)"
                : "not simulated: baseline and build differ in forks, and one pool is cut into groups of one size";
        return "| " + row.setting().name() + " | 0 | " + (Double.isNaN(row.measuredSlowdown()) ? "" : signed(row.measuredSlowdown()))
                + " | " + reason + " | | | | | | |\n";
    }

    /** The targets of issue 6 for one build kind, each with the figure and met / missed. */
    static String targets(List<QualityRow> rows, String kind, double jmhDefaultPerBuild) {
        StringBuilder out = new StringBuilder("Targets for " + kind + " (plugin with confirmation):\n\n");
        for (QualityRow row : rows) {
            if (!row.build().name().equals(kind) || row.builds() == 0) {
                continue;
            }
            if (row.setting().isAa()) {
                double rate = row.pluginConfirmed().buildFailRate();
                out.append(String.format(Locale.ROOT, "- %s: false-fail %s per build (target <= %s): %s%n", row.setting().name(),
                        count(row.pluginConfirmed().failedBuilds(), row.builds()), percent(TARGET_FALSE_FAIL),
                        rate <= TARGET_FALSE_FAIL ? "met on " + row.builds() + " builds (" + row.independentBuilds()
                                + " independent: too few to show 1%)" : "MISSED"));
            } else if (row.setting().injected() == 0.15 || row.setting().injected() == 0.10) {
                double target = row.setting().injected() == 0.15 ? TARGET_DETECT_15 : TARGET_DETECT_10;
                double rate = row.pluginConfirmed().benchmarkFailRate();
                out.append(String.format(Locale.ROOT, "- %s: detected %s of benchmarks (target >= %s): %s%n", row.setting().name(),
                        percent(rate), percent(target), rate >= target ? "met" : "MISSED"));
            }
        }
        QualityRow any = rows.stream().filter(r -> r.build().name().equals(kind)).findFirst().orElseThrow();
        double share = any.secondsPerBuild() / jmhDefaultPerBuild;
        out.append(String.format(Locale.ROOT, "- Time to verdict: %s of JMH's defaults (target <= %s): %s%n", percent(share),
                percent(TARGET_TIME_SHARE), share <= TARGET_TIME_SHARE ? "met" : "MISSED"));
        return out.toString();
    }

    static double jmhDefaultSecondsPerBuild(double overheadPerFork, int benchmarks) {
        return benchmarks * JMH_DEFAULT_FORKS * (JMH_DEFAULT_SECONDS_PER_FORK + overheadPerFork);
    }

    /** Writes {@code generated} into {@code file} between the markers, keeping everything around them. */
    static void write(Path file, String generated) throws IOException {
        write(file, generated, BEGIN, END);
    }

    /**
     * Writes {@code generated} (which starts with {@code beginMarker} and ends with {@code endMarker}) between
     * those markers in {@code file}, keeping everything around them. A missing file is created with the
     * figures only; a file lacking the markers is refused, so no hand-written text is lost.
     */
    static void write(Path file, String generated, String beginMarker, String endMarker) throws IOException {
        String content;
        if (Files.exists(file)) {
            String old = Files.readString(file, StandardCharsets.UTF_8);
            int begin = old.indexOf(beginMarker);
            int end = old.indexOf(endMarker);
            if (begin < 0 || end < begin) {
                throw new IOException(file + " exists but lacks the markers " + beginMarker + " and " + endMarker
                        + "; add them where the figures belong, or delete the file to have it created");
            }
            int after = end + endMarker.length();
            content = old.substring(0, begin) + generated + old.substring(after + (old.startsWith("\n", after) ? 1 : 0));
        } else {
            content = "# Verdict quality\n\n" + generated;
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, ".verdict-quality", ".tmp");
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static QualityRow lastOfKind(List<QualityRow> rows, String kind) {
        QualityRow last = null;
        for (QualityRow r : rows) {
            if (r.build().name().equals(kind)) {
                last = r;
            }
        }
        return last;
    }

    private static int benchmarksPerBuild(QualityRow row) {
        return row.pluginFirstRun().builds() == 0 ? WorkSize.BENCHMARKS
                : (int) (row.pluginFirstRun().benchmarks() / row.pluginFirstRun().builds());
    }

    static String count(long k, long n) {
        return percent(n == 0 ? Double.NaN : k / (double) n) + " (" + k + "/" + n + ")";
    }

    static String percent(double fraction) {
        if (Double.isNaN(fraction)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, fraction * 100 < 10 && fraction != 0 ? "%.1f%%" : "%.0f%%", fraction * 100);
    }

    static String signed(double fraction) {
        return String.format(Locale.ROOT, "%+.1f%%", fraction * 100);
    }

    static String duration(double seconds) {
        if (Double.isNaN(seconds)) {
            return "n/a";
        }
        if (seconds < 120) {
            return String.format(Locale.ROOT, "%.0f s", seconds);
        }
        return String.format(Locale.ROOT, "%.1f min", seconds / 60);
    }
}
