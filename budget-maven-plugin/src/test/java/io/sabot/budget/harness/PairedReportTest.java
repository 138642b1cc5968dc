package io.sabot.budget.harness;

import static io.sabot.budget.harness.PairedTallyTest.SESSION_A;
import static io.sabot.budget.harness.PairedTallyTest.SESSION_B;
import static io.sabot.budget.harness.PairedTallyTest.build;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairedReportTest {

    @TempDir
    Path dir;

    @Test
    void targetsNeverClaimWhatWasNotMeasured() {
        List<BuildRecord> records = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            records.add(build(SESSION_A, "paired", "idle", 0, 0, 0));
        }
        records.add(build(SESSION_A, "paired", "idle", 0.15, 20, 0));
        records.add(build(SESSION_A, "paired", "idle", 0.25, 19, 1));
        records.add(build(SESSION_A, "paired", "idle", 0.05, 0, 2));
        List<String> targets = PairedReport.targets(PairedTally.rows(records));
        assertThat(targets).anySatisfy(t -> assertThat(t).startsWith("paired, idle, A/A builds with a FAIL: 0% (0/12)")
                .endsWith("not shown (12 builds, not 40; from one session; the two-session requirement is not met yet)"));
        assertThat(targets).anySatisfy(t -> assertThat(t).startsWith("paired, idle, +15%: checks FAIL 100% (20/20) in 1 build(s)")
                .endsWith("met on these builds"));
        assertThat(targets).anySatisfy(t -> assertThat(t).startsWith("paired, idle, +25%: checks FAIL 95% (19/20)").endsWith("MISSED"));
        assertThat(targets).anySatisfy(t -> assertThat(t).startsWith("paired, idle, +5%: checks FAIL 0% (0/20)").endsWith("met on these builds"));
        assertThat(targets).anySatisfy(t -> assertThat(t).isEqualTo("paired, idle, INCONCLUSIVE after the adaptive rounds (target <= 5.0%"
                + " of checks): A/A 0%, +5% 10%, +15% 0%, +25% 5.0%: MISSED"));
        assertThat(targets).contains("paired, cpu: no builds measured; every target NOT MEASURED",
                "stored, idle: no builds measured; every target NOT MEASURED");
        assertThat(targets).last().asString().isEqualTo("Measurement per benchmark and side <= 10 s: at most 9.6 s in any build: met");
    }

    @Test
    void aaIsMetOnlyWithFortyBuildsFromTwoSessionsAnHourApart() {
        List<BuildRecord> records = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            records.add(build(i < 20 ? SESSION_A : SESSION_B, "paired", "idle", 0, 0, 0));
        }
        assertThat(PairedReport.aa("paired, idle", PairedTally.find(PairedTally.rows(records), "paired", "idle", 0)))
                .contains("0% (0/40), the rate at most 7.2% at 95% confidence").endsWith(": met");
        records.add(build(SESSION_A, "paired", "idle", 0, 1, 0));
        assertThat(PairedReport.aa("paired, idle", PairedTally.find(PairedTally.rows(records), "paired", "idle", 0)))
                .contains("1/41").endsWith("MISSED");
        List<BuildRecord> close = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            close.add(build(i < 20 ? SESSION_A : "2026-12-02T10:20:00Z", "stored", "idle", 0, 0, 0));
        }
        assertThat(PairedReport.aa("stored, idle", PairedTally.find(PairedTally.rows(close), "stored", "idle", 0)))
                .endsWith("not shown (sessions only 20 min apart)");
    }

    @Test
    void noFailureInNBuildsBoundsTheRateByAboutThreeOverN() {
        assertThat(PairedReport.upperBound(0, 40)).isCloseTo(1 - Math.pow(0.05, 1.0 / 40), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(PairedReport.upperBound(0, 299)).isLessThan(0.01);
        assertThat(PairedReport.upperBound(1, 41)).isBetween(0.10, 0.12);
        assertThat(PairedReport.upperBound(3, 3)).isEqualTo(1.0);
    }

    @Test
    void theFiguresGoBetweenTheirOwnMarkersAndTheSimulationsStayUntouched() throws Exception {
        Path file = dir.resolve("verdict-quality.md");
        Files.writeString(file, "# Title\n\n" + QualityReport.BEGIN + "\nsimulated\n" + QualityReport.END + "\n\nText.\n\n"
                + PairedReport.BEGIN + "\nold\n" + PairedReport.END + "\n\nMore text.\n");
        List<BuildRecord> records = List.of(build(SESSION_A, "paired", "cpu", 0.15, 20, 0), build(SESSION_A, "stored", "cpu", 0.15, 5, 15));
        String rendered = PairedReport.render(records);
        QualityReport.write(file, rendered, PairedReport.BEGIN, PairedReport.END);
        String content = Files.readString(file);
        assertThat(content).startsWith("# Title\n\n" + QualityReport.BEGIN + "\nsimulated\n" + QualityReport.END + "\n\nText.\n\n"
                + PairedReport.BEGIN).endsWith(PairedReport.END + "\n\nMore text.\n").doesNotContain("\nold\n");
        assertThat(rendered).contains("| paired | cpu | +15% | 1 (1) | 100% (1/1) | 100% (20/20) | 0% | 0% (0/20) | 1 | 0 |")
                .contains("| 9.6 s | 1.5 (1.5-1.5) |")
                .contains("| stored | cpu | +15% | 1 (1) | 100% (1/1) | 25% (5/20) | 0% | 75% (15/20) | 0 | 0 |")
                .contains("| 2026-12-02 10:00 UTC | 2 + 0 |".replace("2 + 0", "1 + 1"));
    }

    @Test
    void withoutBuildsOfTodaysProcedureNoTargetIsMet() {
        assertThat(PairedReport.targets(List.of())).allSatisfy(t -> assertThat(t).contains("NOT MEASURED"));
    }

    @Test
    void buildsOfEarlierProceduresAreShownApartAndNotCounted() {
        String after = PairedReport.PAIRED_STATISTICS_SINCE.plusSeconds(60).toString();
        String before = PairedReport.PAIRED_STATISTICS_SINCE.minusSeconds(60).toString();
        // judged by earlier statistics: a paired build does not count; a stored one does (stored mode did not change)
        assertThat(PairedReport.underCurrentStatistics(build(before, "paired", "cpu", 0, 0, 1))).isFalse();
        assertThat(PairedReport.underCurrentStatistics(build(before, "stored", "cpu", 0, 0, 1))).isTrue();
        // looks of 3 rounds (before 06:00), whatever the statistics, and stored builds of 3 forks do not count either
        assertThat(PairedReport.underCurrentStatistics(looksOfThree(build(after, "paired", "cpu", 0, 0, 1)))).isFalse();
        assertThat(PairedReport.underCurrentStatistics(looksOfThree(build(SESSION_A, "stored", "cpu", 0, 0, 1)))).isFalse();
        List<BuildRecord> records = List.of(build(SESSION_A, "paired", "cpu", 0.15, 18, 2), build(after, "paired", "cpu", 0.15, 20, 0),
                build(SESSION_A, "stored", "cpu", 0.15, 5, 15));
        assertThat(records.stream().map(PairedReport::underCurrentStatistics)).containsExactly(false, true, true);
        String rendered = PairedReport.render(records);
        int earlier = rendered.indexOf("### Builds of earlier procedures");
        assertThat(earlier).isPositive();
        assertThat(rendered.substring(0, earlier)).contains("the 1 builds before it are in the next table")
                .contains("| paired | cpu | +15% | 1 (1) | 100% (1/1) | 100% (20/20) |")
                .contains("| stored | cpu | +15% | 1 (1) |");
        assertThat(rendered.substring(earlier)).contains("| paired | cpu | +15% | 1 (1) | 100% (1/1) | 90% (18/20) |");
        assertThat(rendered).contains("paired, cpu, +15%: checks FAIL 100% (20/20) in 1 build(s)");
    }

    private static BuildRecord looksOfThree(BuildRecord r) {
        return new BuildRecord(r.session(), r.index(), r.mode(), r.load(), r.slowdown(), r.start(), r.wallSeconds(), r.loadBefore(),
                r.loadAfter(), r.seed(), r.measurementSeconds(), r.baselineMeasurementSeconds(), r.roundNoise(), r.checks(), r.error(), 3);
    }
}
