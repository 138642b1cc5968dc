package io.sabot.budget.core.gate;

import io.sabot.budget.core.check.CheckResult;
import io.sabot.budget.core.model.Environment;
import io.sabot.budget.core.model.RunResults;
import io.sabot.budget.core.report.ConsoleTable;
import io.sabot.budget.core.report.FailureSummary;
import io.sabot.budget.core.report.ReportContext;
import io.sabot.budget.core.report.ReportData;
import io.sabot.budget.core.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The reporter every front end uses: the table to the console, the report files to the output
 * directory, the Markdown to the GitHub step summary when there is one.
 */
public final class StandardReporter implements GateReporter {

    private final GateSettings settings;
    private final Consumer<String> console;
    private final Instant started;
    private final List<String> detailCommands;
    private ReportContext last;

    public StandardReporter(GateSettings settings, Consumer<String> console, Instant started, List<String> detailCommands) {
        this.settings = settings;
        this.console = console;
        this.started = started;
        this.detailCommands = List.copyOf(detailCommands);
    }

    @Override
    public void report(GateOutcome outcome, ReportData data, Optional<RunResults> baseline,
                       Optional<Environment> environment) throws IOException {
        ReportContext context = new ReportContext(settings.projectName(), outcome.evaluation(), environment, baseline,
                Duration.between(started, Instant.now()), detailCommands);
        last = context;
        if (!outcome.evaluation().results().isEmpty()) {
            ConsoleTable.render(context).forEach(console);
        }
        data.jdks().ifPresent(comparison -> ConsoleTable.render(comparison).forEach(console));
        ReportWriter.write(settings.outputDirectory(), context, data, settings.githubStepSummary());
    }

    /** The build-failure message for the outcome last reported. */
    public String failureMessage(List<CheckResult> failures) {
        if (last == null) {
            throw new IllegalStateException("nothing reported yet");
        }
        return FailureSummary.render(failures, last);
    }
}
