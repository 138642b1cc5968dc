package io.sabot.budget.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairedTallyTest {

    static final String SESSION_A = "2026-12-02T10:00:00Z";
    static final String SESSION_B = "2026-12-02T11:30:00Z";

    @TempDir
    Path dir;

    /** A build of 20 checks: {@code fails} FAIL, {@code inconclusive} INCONCLUSIVE, the rest PASS. */
    static BuildRecord build(String session, String mode, String load, double slowdown, int fails, int inconclusive) {
        List<BuildRecord.Check> checks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String verdict = i < fails ? "FAIL" : i < fails + inconclusive ? "INCONCLUSIVE" : "PASS";
            // the last PASS was decided at the second look; the first FAIL survived a confirmation
            int look = i == 19 ? 2 : 1;
            checks.add(new BuildRecord.Check(String.format("[id=%02d]", i), verdict, slowdown + 0.001 * i, slowdown - 0.05,
                    slowdown + 0.05, 0.10, look, i == 0 && fails > 0, false));
        }
        return new BuildRecord(session, 1, mode, load, slowdown, session, 100, "1.50 1.20 1.00", "1.60 1.20 1.00", 7, 9.6,
                9.6, 0.02, checks, "", PairedBuildRunner.ROUNDS);
    }

    @Test
    void countsBuildsWithAFailAndEveryChecksVerdictPerCondition() {
        List<BuildRecord> records = List.of(
                build(SESSION_A, "paired", "idle", 0, 0, 0),
                build(SESSION_A, "paired", "idle", 0, 1, 2),
                build(SESSION_B, "paired", "idle", 0, 0, 1),
                build(SESSION_A, "stored", "idle", 0, 3, 0),
                build(SESSION_A, "paired", "idle", 0.15, 18, 2),
                new BuildRecord(SESSION_A, 9, "paired", "idle", 0.15, SESSION_A, 5, "", "", 1, Double.NaN, Double.NaN, Double.NaN,
                        List.of(), "GateException: fork failed", PairedBuildRunner.ROUNDS),
                new BuildRecord(SESSION_A, 0, "baseline", "idle", 0, SESSION_A, 30, "", "", 0, 2.4, Double.NaN, Double.NaN,
                        List.of(), "", PairedBuildRunner.ROUNDS));
        List<PairedTally.Row> rows = PairedTally.rows(records);
        assertThat(rows).extracting(r -> r.mode() + " " + r.load() + " " + r.condition())
                .containsExactly("paired idle A/A", "paired idle +15%", "stored idle A/A");
        PairedTally.Row aa = rows.get(0);
        assertThat(aa.builds()).isEqualTo(3);
        assertThat(aa.failedBuilds()).isEqualTo(1);
        assertThat(aa.checks()).isEqualTo(60);
        assertThat(aa.fails()).isEqualTo(1);
        assertThat(aa.inconclusives()).isEqualTo(3);
        assertThat(aa.passes()).isEqualTo(56);
        assertThat(aa.decidedLater()).isEqualTo(3);
        assertThat(aa.sessions()).isEqualTo(2);
        assertThat(aa.sessionSpread()).hasMinutes(90);
        assertThat(aa.minLoad()).isEqualTo(1.5);
        assertThat(aa.meanWallSeconds()).isEqualTo(100);
        PairedTally.Row slower = rows.get(1);
        assertThat(slower.builds()).isEqualTo(1);
        assertThat(slower.unfinished()).isEqualTo(1);
        assertThat(slower.failRate()).isEqualTo(0.9);
        assertThat(slower.inconclusiveRate()).isEqualTo(0.1);
        assertThat(slower.medianEstimate()).isCloseTo(0.1595, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(PairedTally.find(rows, "stored", "idle", 0)).hasValueSatisfying(r -> assertThat(r.buildFailRate()).isEqualTo(1));
        assertThat(PairedTally.find(rows, "stored", "cpu", 0)).isEmpty();
    }

    @Test
    void recordsSurviveTheirFileAndATornLastLineIsSkipped() throws Exception {
        Path file = dir.resolve("builds.jsonl");
        BuildRecord one = build(SESSION_A, "paired", "cpu", 0.25, 20, 0);
        BuildRecord noNumbers = new BuildRecord(SESSION_A, 2, "paired", "idle", 0, SESSION_A, 1, "unknown", "unknown", 3,
                Double.NaN, Double.NaN, Double.NaN, List.of(), "GateException: x", 0);
        BuildRecord.append(file, one);
        BuildRecord.append(file, noNumbers);
        Files.writeString(file, "{\"session\":\"2026-", java.nio.file.StandardOpenOption.APPEND);
        List<BuildRecord> back = BuildRecord.readAll(file);
        assertThat(back).hasSize(2);
        assertThat(back.get(0)).isEqualTo(one);
        assertThat(back.get(1).measurementSeconds()).isNaN();
        assertThat(back.get(1).finished()).isFalse();
        assertThat(BuildRecord.readAll(dir.resolve("none.jsonl"))).isEmpty();
    }

    @Test
    void loadAndMedianHelpers() {
        assertThat(PairedTally.firstLoad("3.25 2.00 1.00")).isEqualTo(3.25);
        assertThat(PairedTally.firstLoad("unknown")).isNaN();
        assertThat(PairedTally.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(PairedTally.median(List.of(4.0, 1.0))).isEqualTo(2.5);
        assertThat(PairedTally.median(List.of())).isNaN();
    }

    @Test
    void theLookThatDecidedACheckComesFromTheGatesNotes() {
        assertThat(PairedBuildRunner.look(List.of("paired rounds ...", "decided at look 3 after more paired rounds"))).isEqualTo(3);
        assertThat(PairedBuildRunner.look(List.of("decided at adaptive round 1 with 3 more forks"))).isEqualTo(2);
        assertThat(PairedBuildRunner.look(List.of("confirmed by rerun 1; first run: ..."))).isEqualTo(1);
    }

    @Test
    void measurementPerBenchmarkAndSideStaysWithinTenSeconds() {
        // first look + every adaptive look + the confirmation, each of ROUNDS forks, 3 measured iterations of 200 ms
        int forks = (1 + PairedBuildRunner.MAX_ROUNDS + PairedBuildRunner.CONFIRM) * PairedBuildRunner.ROUNDS;
        assertThat(forks * PairedBuildRunner.secondsPerFork()).isEqualTo(9.6, org.assertj.core.data.Offset.offset(1e-9))
                .isLessThanOrEqualTo(PairedReport.TARGET_MEASUREMENT_SECONDS);
        assertThat(PairedBuildRunner.STORED_FORKS).isEqualTo(PairedBuildRunner.ROUNDS);
    }

    @Test
    void aRecordWrittenBeforeRoundsPerLookWereRecordedHadLooksOfThree() throws Exception {
        BuildRecord older = BuildRecord.fromJson("{\"session\":\"s\",\"index\":1,\"mode\":\"paired\",\"load\":\"cpu\","
                + "\"slowdown\":0.15,\"start\":\"2026-12-06T04:00:00Z\",\"checks\":[],\"error\":\"\"}");
        assertThat(older.roundsPerLook()).isEqualTo(3);
        assertThat(BuildRecord.fromJson(build(SESSION_A, "paired", "cpu", 0.15, 20, 0).toJson()).roundsPerLook())
                .isEqualTo(PairedBuildRunner.ROUNDS);
    }
}
