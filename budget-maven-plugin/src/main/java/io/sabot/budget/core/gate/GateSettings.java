package io.sabot.budget.core.gate;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Settings shared by check, compare and baseline.
 *
 * @param budgetFile              the YAML budget file; absent is allowed only when {@code budgetFileRequired} is false
 * @param githubStepSummary       the value of $GITHUB_STEP_SUMMARY, when set
 * @param historyFile             the JSON Lines file budget:check appends each run to; empty: no history
 * @param historyRuns             how many of the latest runs trends show and a history baseline uses
 */
public record GateSettings(
        Path budgetFile,
        boolean budgetFileRequired,
        Path baselineFile,
        Path outputDirectory,
        boolean failOnViolation,
        boolean failOnInconclusive,
        boolean compareAcrossEnvironments,
        Optional<Path> githubStepSummary,
        Optional<Path> javaHome,
        String projectName,
        Optional<Path> historyFile,
        int historyRuns) {

    public GateSettings {
        if (historyRuns < 1) {
            throw new IllegalArgumentException("historyRuns must be at least 1, not " + historyRuns);
        }
    }
}
