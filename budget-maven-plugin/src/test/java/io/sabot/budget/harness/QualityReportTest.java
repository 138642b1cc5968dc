package io.sabot.budget.harness;

import static io.sabot.budget.core.model.Verdict.FAIL;
import static io.sabot.budget.core.model.Verdict.INCONCLUSIVE;
import static io.sabot.budget.core.model.Verdict.PASS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sabot.budget.core.model.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualityReportTest {

    private static final BuildSettings QUICK = new BuildSettings("quick", 1, 2, 3);

    private final Conditions conditions = new Conditions(Instant.parse("2026-11-25T12:00:00Z"), Instant.parse("2026-11-25T12:40:00Z"),
            "AMD EPYC", 2, "OpenJDK 17", "Linux", List.of(new Conditions.PoolLine("baseline-a", "none",
            Instant.parse("2026-11-25T12:00:00Z"), 400, "5.0 4.0 3.0", "6.0 5.0 4.0")), 2.0);

    @Test
    void tableShowsRatesWithTheirCountsAndTheTargets() {
        List<QualityRow> rows = List.of(
                row(Setting.across("A/A, baseline from another session", 0, "a", "b"), tally(100, 1, 0), tally(100, 3, 0), tally(100, 60, 0), 0.001),
                row(Setting.across("A/B +10%", 0.10, "a", "c"), detecting(50, 45), detecting(50, 48), detecting(50, 30), 0.098),
                row(Setting.across("A/B +15%", 0.15, "a", "d"), detecting(50, 48), detecting(50, 49), detecting(50, 40), 0.151));
        String md = QualityReport.render(conditions, rows);
        assertThat(md).startsWith(QualityReport.BEGIN).endsWith(QualityReport.END + "\n");
        assertThat(md).contains("2026-11-25 12:00 UTC to 2026-11-25 12:40 UTC (40 min of machine time)");
        assertThat(md).contains("| baseline-a | none | 2026-11-25 12:00 UTC | 400 s | 5.0 4.0 3.0 | 6.0 5.0 4.0 |");
        // quick: 20 benchmarks x 1 fork x (2 s + 5 x 0.2 s) = 60 s; JMH defaults 20 x 5 x 102 s = 170 min
        assertThat(md).contains("Measurement time per build of 20 benchmarks: 60 s (0.6% of JMH's defaults, 170.0 min)");
        assertThat(md).contains("| A/A, baseline from another session | 100 (10) | +0.1% | 1.0% (1/100) | 0.1% (1/2000) | 0% (0/2000) | 3.0% / 0.2%"
                + " | 60% (60/100) | 3.0% (60/2000) | 12 s |");
        assertThat(md).contains("- A/A, baseline from another session: false-fail 1.0% (1/100) per build (target <= 1.0%): met on 100 builds");
        assertThat(md).contains("- A/B +10%: detected 90% of benchmarks (target >= 80%): met");
        assertThat(md).contains("- A/B +15%: detected 96% of benchmarks (target >= 95%): met");
        assertThat(md).contains("- Time to verdict: 0.6% of JMH's defaults (target <= 25%): met");
    }

    @Test
    void missedTargetsAreSaidSo() {
        List<QualityRow> rows = List.of(
                row(Setting.across("A/A, baseline from another session", 0, "a", "b"), tally(100, 5, 0), tally(100, 5, 0), tally(100, 5, 0), 0),
                row(Setting.across("A/B +15%", 0.15, "a", "d"), detecting(50, 20), detecting(50, 20), detecting(50, 20), 0.15));
        String md = QualityReport.render(conditions, rows);
        assertThat(md).contains("false-fail 5.0% (5/100) per build (target <= 1.0%): MISSED");
        assertThat(md).contains("detected 40% of benchmarks (target >= 95%): MISSED");
    }

    @Test
    void settingsWithoutBuildsSayWhyAndTheTargetsStillFollow() {
        List<QualityRow> rows = List.of(
                row(Setting.across("A/A, baseline from another session", 0, "a", "b"), tally(10, 0, 0), tally(10, 0, 0), tally(10, 9, 0), 0.02),
                new QualityRow(Setting.across("A/B +15%", 0.15, "a", "d"), QUICK, 0, 0, new VerdictTally(), new VerdictTally(),
                        new VerdictTally(), 0.14, 60, Double.NaN));
        String md = QualityReport.render(conditions, rows);
        assertThat(md).contains("| A/B +15% | 0 | +14.0% | not enough forks: needs 2 groups of 1 in the current pool");
        assertThat(md).contains("- A/A, baseline from another session: false-fail 0% (0/10) per build (target <= 1.0%): met on 10 builds");
        assertThat(md).doesNotContain("- A/B +15%: detected");
        assertThat(md).contains("- Time to verdict: 0.6% of JMH's defaults (target <= 25%): met");
    }

    @Test
    void regeneratingKeepsTheHandWrittenTextAroundTheFigures(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("verdict-quality.md");
        Files.writeString(file, "# Title\n\nintro\n\n" + QualityReport.BEGIN + "\nold figures\n" + QualityReport.END + "\n\n## Comments\n");
        QualityReport.write(file, QualityReport.BEGIN + "\nnew figures\n" + QualityReport.END + "\n");
        assertThat(Files.readString(file)).isEqualTo("# Title\n\nintro\n\n" + QualityReport.BEGIN + "\nnew figures\n"
                + QualityReport.END + "\n\n## Comments\n");
    }

    @Test
    void aFileWithoutMarkersIsNotOverwritten(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("verdict-quality.md");
        Files.writeString(file, "someone's notes");
        assertThatThrownBy(() -> QualityReport.write(file, "figures")).hasMessageContaining("lacks the markers");
        assertThat(Files.readString(file)).isEqualTo("someone's notes");
        Path fresh = dir.resolve("new.md");
        QualityReport.write(fresh, "figures\n");
        assertThat(Files.readString(fresh)).isEqualTo("# Verdict quality\n\nfigures\n");
    }

    private static QualityRow row(Setting setting, VerdictTally confirmed, VerdictTally first, VerdictTally naive, double measured) {
        // 20 benchmarks x 1 fork x (2 s overhead + 5 x 0.2 s) = 60 s per build
        return new QualityRow(setting, QUICK, confirmed.builds(), 10, first, confirmed, naive, measured, 60, 12);
    }

    /** {@code builds} builds of 20 benchmarks, every benchmark FAIL in the first {@code detected} builds. */
    private static VerdictTally detecting(int builds, int detected) {
        VerdictTally tally = new VerdictTally();
        for (int b = 0; b < builds; b++) {
            tally.add(new BuildVerdicts(Collections.nCopies(20, b < detected ? FAIL : PASS)));
        }
        return tally;
    }

    /** {@code builds} builds of 20 benchmarks, the first {@code failing} with one FAIL, the next {@code inconclusive} with one INCONCLUSIVE. */
    private static VerdictTally tally(int builds, int failing, int inconclusive) {
        VerdictTally tally = new VerdictTally();
        for (int b = 0; b < builds; b++) {
            List<Verdict> verdicts = new java.util.ArrayList<>(Collections.nCopies(20, PASS));
            if (b < failing) {
                verdicts.set(0, FAIL);
            } else if (b < failing + inconclusive) {
                verdicts.set(0, INCONCLUSIVE);
            }
            tally.add(new BuildVerdicts(verdicts));
        }
        return tally;
    }
}
