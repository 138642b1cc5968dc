package io.sabot.budget.core.gate;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Settings shared by check, compare and baseline.
 *
 * @param budgetFile              the YAML budget file; absent is allowed only when {@code budgetFileRequired} is false
 * @param githubStepSummary       the value of $GITHUB_STEP_SUMMARY, when set
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
        String projectName) {
}
