package io.sabot.budget.maven;

import io.sabot.budget.core.io.ResultFileException;
import io.sabot.budget.core.report.ReportWriter;
import io.sabot.budget.core.report.VerdictTable;
import io.sabot.budget.core.report.VerdictTableReader;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.AbstractMavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * The "Performance budgets" page of the Maven site ({@code mvn verify site}, with the plugin under
 * {@code <reporting>}): the verdicts of the latest budget:check, read from its report.json, failures
 * first, with a link to the full report.html copied beside the page. Runs nothing itself; without
 * results the site leaves the page out and the log says to run {@code mvn verify} first.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.SITE, threadSafe = true)
public class ReportMojo extends AbstractMavenReport {

    /** The page's file name in the site, without .html; report.html is copied into a directory of the same name. */
    static final String OUTPUT_NAME = "budget-report";

    private static final DateTimeFormatter WRITTEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** Leaves the page out of the site. */
    @Parameter(property = "budget.skip", defaultValue = "false")
    private boolean skip;

    /**
     * Where budget:check wrote its results and reports (its {@code outputDirectory}); the page reads
     * report.json there and copies report.html from there.
     */
    @Parameter(property = "budget.outputDirectory", defaultValue = "${project.build.directory}/budget")
    private File budgetDirectory;

    @Override
    public String getOutputName() {
        return OUTPUT_NAME;
    }

    @Override
    public String getName(Locale locale) {
        return SitePage.TITLE;
    }

    @Override
    public String getDescription(Locale locale) {
        return "Verdicts of the latest budget:check: each benchmark against its budget and its baseline.";
    }

    @Override
    public boolean canGenerateReport() {
        if (skip) {
            getLog().info("Skipping the performance budgets page (budget.skip=true)");
            return false;
        }
        if (!reportJson().toFile().isFile()) {
            getLog().info("No performance budgets page: " + reportJson() + " does not exist. Run the benchmarks first,"
                    + " e.g. mvn verify site (budget:check writes it), or point -Dbudget.outputDirectory=... at its output");
            return false;
        }
        return true;
    }

    @Override
    protected void executeReport(Locale locale) throws MavenReportException {
        Path json = reportJson();
        VerdictTable table;
        String written;
        try {
            table = VerdictTableReader.read(json);
            written = WRITTEN.format(Files.getLastModifiedTime(json).toInstant());
        } catch (ResultFileException e) {
            throw new MavenReportException(e.getMessage() + " (rerun mvn verify to write it again)", e);
        } catch (IOException e) {
            throw new MavenReportException(json + ": cannot read (" + e.getMessage() + ")", e);
        }
        SitePage.render(getSink(), table, relative(json) + ", written " + written, copyFullReport());
    }

    /** Copies report.html beside the page; empty when budget:check wrote none. */
    private Optional<String> copyFullReport() throws MavenReportException {
        Path html = budgetDirectory.toPath().resolve(ReportWriter.HTML);
        if (!Files.isRegularFile(html)) {
            return Optional.empty();
        }
        Path target = getReportOutputDirectory().toPath().resolve(OUTPUT_NAME).resolve(ReportWriter.HTML);
        try {
            ReportWriter.copyAtomically(html, target);
        } catch (IOException e) {
            throw new MavenReportException("Cannot copy " + html + " to " + target + " (" + e.getMessage() + ")", e);
        }
        return Optional.of(OUTPUT_NAME + "/" + ReportWriter.HTML);
    }

    private Path reportJson() {
        return budgetDirectory.toPath().resolve(ReportWriter.JSON);
    }

    /** target/budget/report.json rather than the absolute path, when it lies in the project. */
    private String relative(Path file) {
        Path base = project == null || project.getBasedir() == null ? null : project.getBasedir().toPath();
        return base != null && file.startsWith(base) ? base.relativize(file).toString() : file.toString();
    }
}
