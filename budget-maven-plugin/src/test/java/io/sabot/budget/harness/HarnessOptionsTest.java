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
    void badCommandLinesSayWhatIsExpected() {
        assertThatThrownBy(() -> HarnessOptions.parse("--work=w", "--output=o")).hasMessageContaining("say --measure");
        assertThatThrownBy(() -> HarnessOptions.parse("--measure", "--analyze", "--work=w", "--output=o"))
                .hasMessageContaining("not --measure and --analyze");
        assertThatThrownBy(() -> HarnessOptions.parse("--measure", "--output=o")).hasMessageContaining("--work=DIR");
        assertThatThrownBy(() -> HarnessOptions.parse("--measure", "--forks=3")).hasMessageContaining("unknown argument '--forks=3'");
    }
}
