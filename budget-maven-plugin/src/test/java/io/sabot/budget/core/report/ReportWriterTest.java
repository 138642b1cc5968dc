package io.sabot.budget.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesEveryReportIncludingTheHtmlAndLeavesNoTemporaryFiles() throws Exception {
        ReportFixture fixture = new ReportFixture();
        Path out = dir.resolve("target/budget");

        ReportWriter.write(out, fixture.context, fixture.data, Optional.empty());

        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("report.json", "report.md", "TEST-budget.xml", "report.html");
        }
        assertThat(Files.readString(out.resolve("report.html"))).startsWith("<!DOCTYPE html>").endsWith("</html>\n")
                .contains("data-charts=\"5\"");
    }

    @Test
    void reportsGetTheModeOfAPlainNewFileNotOwnerOnly() throws Exception {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).as("a POSIX file system").contains("posix");
        ReportFixture fixture = new ReportFixture();
        Path out = dir.resolve("target/budget");

        ReportWriter.write(out, fixture.context, fixture.data, Optional.empty());

        // What the umask gives any new file (0644 under the usual 022); Files.createTempFile made them 0600.
        try (OutputStream plain = Files.newOutputStream(out.resolve("plain"))) {
            plain.write('x');
        }
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(out.resolve("plain"));
        for (String report : new String[] {"report.json", "report.md", "TEST-budget.xml", "report.html"}) {
            assertThat(Files.getPosixFilePermissions(out.resolve(report))).as(report).isEqualTo(expected);
        }
    }

    @Test
    void inPairedModeEveryReportGetsThePairedRun() throws Exception {
        ReportFixture fixture = new ReportFixture();
        Path out = dir.resolve("target/budget");

        ReportWriter.write(out, fixture.context, fixture.pairedData(), Optional.empty());

        assertThat(Files.readString(out.resolve("report.json"))).contains("\"paired\" : {");
        assertThat(Files.readString(out.resolve("report.md"))).contains("Paired run: baseline code");
        assertThat(Files.readString(out.resolve("report.html"))).contains("<h2>Paired run</h2>");
    }

    @Test
    void appendsTheMarkdownToTheGithubStepSummaryKeepingWhatWasThere() throws Exception {
        ReportFixture fixture = new ReportFixture();
        Path summary = dir.resolve("step_summary.md");
        Files.writeString(summary, "# Earlier step\n");

        ReportWriter.write(dir.resolve("a"), fixture.context, fixture.data, Optional.of(summary));
        ReportWriter.write(dir.resolve("b"), fixture.context, fixture.data, Optional.of(summary));

        String text = Files.readString(summary);
        String markdown = Files.readString(dir.resolve("a/report.md"));
        assertThat(text).isEqualTo("# Earlier step\n" + markdown + "\n" + markdown + "\n");
        assertThat(markdown).contains("## Performance budgets: io.x:evil&lt;project&gt;").contains("TOO-TIGHT&lt;/script&gt;");
    }

    @Test
    void withoutAStepSummaryNothingElseIsWritten() throws Exception {
        ReportFixture fixture = new ReportFixture();
        ReportWriter.write(dir.resolve("out"), fixture.context, fixture.data, Optional.empty());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("out");
        }
    }
}
