package io.sabot.budget.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sabot.budget.core.io.ResultFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site page's table is report.json read back: the same cells as the console and Markdown tables, worst first. */
class VerdictTableReaderTest {

    @TempDir
    Path dir;

    private ReportFixture fixture;

    @BeforeEach
    void fixture() throws Exception {
        fixture = new ReportFixture();
    }

    private Path write(String content) throws Exception {
        Path file = dir.resolve("report.json");
        Files.writeString(file, content);
        return file;
    }

    @Test
    void readsBackTheCellsTheConsoleShowsFailuresFirst() throws Exception {
        VerdictTable table = VerdictTableReader.read(write(JsonReport.render(fixture.context, fixture.pairedData())));

        List<List<String>> expected = TableRows.rows(VerdictOrder.worstFirst(fixture.context.evaluation().results()));
        assertThat(table.rows()).extracting(VerdictTable.Row::cells).containsExactlyElementsOf(expected);
        assertThat(table.header()).containsExactly("Budget", "Benchmark", "Limit", "Baseline", "Measured", "Change", "Verdict");
        assertThat(table.rows().get(0).verdict()).isEqualTo("FAIL");
        assertThat(table.rows().get(table.rows().size() - 1).verdict()).isEqualTo("PASS");
        assertThat(table.counts().line()).isEqualTo(fixture.context.summaryLine());
        assertThat(table.project()).isEqualTo("io.x:evil<project>");
        assertThat(table.rows().get(0).message()).isNotBlank();
        assertThat(table.rows().get(0).needsExplaining()).isTrue();
    }

    @Test
    void factsNameTheBaselineThePairedSourceAndTheMachine() throws Exception {
        VerdictTable table = VerdictTableReader.read(write(JsonReport.render(fixture.context, fixture.pairedData())));

        assertThat(table.facts()).extracting(VerdictTable.Fact::name)
                .containsExactly("Baseline", "Paired run", "Measured on", "Took");
        assertThat(table.facts().get(0).value()).startsWith("src/perf/baseline.json, recorded ")
                .contains("(first <baseline>)").contains(", on Eclipse Adoptium 17.0.9");
        assertThat(table.facts().get(1).value()).isEqualTo(MarkdownReport.pairedLine(fixture.paired()).substring("Paired run: ".length()));
        assertThat(table.facts().get(2).value()).isEqualTo(ReportFixture.ENV.summary());
    }

    @Test
    void withoutAPairedRunThereIsNoPairedFact() throws Exception {
        VerdictTable table = VerdictTableReader.read(write(JsonReport.render(fixture.context)));

        assertThat(table.facts()).extracting(VerdictTable.Fact::name).doesNotContain("Paired run");
    }

    @Test
    void aMissingFileSaysSo() {
        assertThatThrownBy(() -> VerdictTableReader.read(dir.resolve("report.json")))
                .isInstanceOf(ResultFileException.class).hasMessageEndingWith("report.json: file not found");
    }

    @Test
    void brokenJsonNamesTheLineAndColumn() throws Exception {
        Path file = write("{\n  \"schemaVersion\": 1,\n  \"checks\": [\n}");
        assertThatThrownBy(() -> VerdictTableReader.read(file))
                .isInstanceOf(ResultFileException.class).hasMessageStartingWith(file + ":4:").hasMessageContaining("not valid JSON");
    }

    @Test
    void anotherSchemaVersionOrAnotherFileSaysToRunTheCheckAgain() throws Exception {
        Path newer = write("{\"schemaVersion\": 2, \"checks\": []}");
        assertThatThrownBy(() -> VerdictTableReader.read(newer)).isInstanceOf(ResultFileException.class)
                .hasMessageContaining("report schema version 2 is not supported").hasMessageContaining("run mvn verify");
        Path jmh = write("[]");
        assertThatThrownBy(() -> VerdictTableReader.read(jmh)).isInstanceOf(ResultFileException.class)
                .hasMessageContaining("not a budget report");
    }

    @Test
    void aCheckWithoutItsFieldsNamesTheCheckAndTheField() throws Exception {
        Path file = write("""
                {"schemaVersion": 1, "project": "p",
                 "summary": {"checks": 1, "passed": 1, "failed": 0, "warnings": 0, "inconclusive": 0},
                 "checks": [ {"id": "A", "benchmark": "x.B.m", "mode": "fast", "verdictLabel": "PASS"} ]}
                """);
        assertThatThrownBy(() -> VerdictTableReader.read(file)).isInstanceOf(ResultFileException.class)
                .hasMessageStartingWith(file + ": checks[0]: ").hasMessageContaining("fast");
        Path noCounts = write("{\"schemaVersion\": 1, \"summary\": {\"checks\": \"many\"}, \"checks\": []}");
        assertThatThrownBy(() -> VerdictTableReader.read(noCounts)).isInstanceOf(ResultFileException.class)
                .hasMessageContaining("\"summary.checks\" must be a count");
    }
}
