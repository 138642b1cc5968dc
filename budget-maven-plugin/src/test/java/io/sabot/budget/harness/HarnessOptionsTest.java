package io.sabot.budget.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HarnessOptionsTest {

    @Test
    void measureOrAnalyzeWithWorkAndOutput() {
        HarnessOptions o = HarnessOptions.parse("--analyze", "--work=/tmp/w", "--output=docs/v.md");
        assertThat(o.measure()).isFalse();
        assertThat(o.analyze()).isTrue();
        assertThat(o.work()).isEqualTo(Path.of("/tmp/w"));
        assertThat(o.output()).isEqualTo(Path.of("docs/v.md"));
        assertThat(HarnessOptions.parse("--measure", "--work=w", "--output=o").measure()).isTrue();
        assertThat(HarnessOptions.parse("--measure", "--work=w", "--output=o").resume()).isFalse();
        HarnessOptions resume = HarnessOptions.parse("--resume", "--work=w", "--output=o");
        assertThat(resume.measure()).isTrue();
        assertThat(resume.resume()).isTrue();
    }

    @Test
    void pairedRunsRealBuildsAndAnalyzeOnlyReportsThem() {
        HarnessOptions paired = HarnessOptions.parse("--paired --plan=idle:aa=2+1", "--work=w", "--output=o");
        assertThat(paired.paired()).isTrue();
        assertThat(paired.measure()).isTrue();
        assertThat(paired.pairedPlan().schedule()).hasSize(3);
        HarnessOptions report = HarnessOptions.parse("--paired-analyze", "--work=w", "--output=o");
        assertThat(report.paired()).isTrue();
        assertThat(report.measure()).isFalse();
        assertThat(report.pairedPlan()).isEqualTo(PairedPlan.parse(PairedPlan.DEFAULT));
        assertThat(HarnessOptions.parse("--analyze", "--work=w", "--output=o").paired()).isFalse();
        assertThat(paired.storedBaseline()).isEmpty();
        assertThat(paired.records()).isEqualTo(Path.of("w", "paired", "builds.jsonl"));
        assertThat(HarnessOptions.parse("--paired-analyze --records=docs/b.jsonl", "--work=w", "--output=o").records())
                .isEqualTo(Path.of("docs/b.jsonl"));
        assertThat(HarnessOptions.parse("--paired --stored-baseline=old/stored-baseline.json", "--work=w", "--output=o")
                .storedBaseline()).contains(java.nio.file.Path.of("old/stored-baseline.json"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HarnessOptions.parse("--analyze --stored-baseline=x", "--work=w",
                "--output=o")).hasMessageContaining("--stored-baseline=FILE gives the stored builds of --paired their baseline");
        assertThatThrownBy(() -> HarnessOptions.parse("--paired", "--plan=idle:x=1", "--work=w", "--output=o"))
                .hasMessageContaining("aa or a slowdown");
        assertThatThrownBy(() -> HarnessOptions.parse("--measure", "--plan=idle:aa=1", "--work=w", "--output=o"))
                .hasMessageContaining("means nothing with --measure");
    }

    @Test
    void badCommandLinesSayWhatIsExpected() {
        assertThatThrownBy(() -> HarnessOptions.parse("--work=w", "--output=o")).hasMessageContaining("say --measure");
        assertThatThrownBy(() -> HarnessOptions.parse("--measure", "--analyze", "--work=w", "--output=o"))
                .hasMessageContaining("not --measure and --analyze");
        assertThatThrownBy(() -> HarnessOptions.parse("--measure", "--output=o")).hasMessageContaining("--work=DIR");
        assertThatThrownBy(() -> HarnessOptions.parse("--measure", "--forks=3")).hasMessageContaining("unknown argument '--forks=3'");
    }

    @Test
    void pairedReplayRejudgesTheRecordedBuildsWithoutMeasuring() {
        HarnessOptions replay = HarnessOptions.parse("--paired-replay", "--work=w", "--output=o");
        assertThat(replay.replay()).isTrue();
        assertThat(replay.measure()).isFalse();
        assertThat(HarnessOptions.parse("--paired-analyze", "--work=w", "--output=o").replay()).isFalse();
    }
}
