package io.sabot.budget.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairedRecordTest {

    @TempDir
    Path dir;

    @Test
    void compareGetsTheLooksOfTheCheckWhenTheRecordNamesTheSourceItAsksFor() throws Exception {
        Path results = dir.resolve("results.json");
        new PairedRecord("git:HEAD~1 (commit 1a2b3c4d5e6f)", 3).write(results);

        assertThat(PairedRecord.readFor(results, "git:HEAD~1")).isEqualTo(new PairedRecord("git:HEAD~1 (commit 1a2b3c4d5e6f)", 3));
        assertThat(PairedRecord.readFor(results, " git:HEAD~1 ").looks()).isEqualTo(3);
    }

    @Test
    void forksMeasuredAgainstAnotherSourceAreRefusedNamingBoth() throws Exception {
        Path results = dir.resolve("results.json");
        new PairedRecord("artifact:com.example:app:1.4.0", 1).write(results);

        assertThatThrownBy(() -> PairedRecord.readFor(results, "git:nosuchref"))
                .isInstanceOf(GateException.class)
                .hasMessageContaining("were measured against artifact:com.example:app:1.4.0, not git:nosuchref")
                .hasMessageContaining("Compare with -Dbudget.against=artifact:com.example:app:1.4.0");
    }

    @Test
    void withoutARecordCompareSaysWhichRunWritesOne() {
        assertThatThrownBy(() -> PairedRecord.readFor(dir.resolve("results.json"), "git:HEAD~1"))
                .isInstanceOf(GateException.class)
                .hasMessageContaining("No record of a paired run beside")
                .hasMessageContaining("run mvn verify -Dbudget.against=git:HEAD~1 first");
    }

    @Test
    void aBrokenRecordIsNamed() throws Exception {
        Path results = dir.resolve("results.json");
        Files.writeString(PairedRecord.beside(results), "{\"looks\": 2}");

        assertThatThrownBy(() -> PairedRecord.readFor(results, "git:HEAD~1"))
                .hasMessageContaining("paired.json: not a record of a paired run");
    }

    @Test
    void aStoredBaselineRunRemovesThePairedFilesOfAnEarlierRun() throws Exception {
        Path results = dir.resolve("results.json");
        new PairedRecord("git:HEAD~1 (commit 1a2b3c4d5e6f)", 1).write(results);
        Files.writeString(PairedCheck.baselineFileBeside(results), "[]");

        PairedRecord.removeBeside(results);

        assertThat(PairedRecord.beside(results)).doesNotExist();
        assertThat(PairedCheck.baselineFileBeside(results)).doesNotExist();
    }
}
