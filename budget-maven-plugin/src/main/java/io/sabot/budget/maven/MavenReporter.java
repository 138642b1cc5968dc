package io.sabot.budget.maven;

import io.sabot.budget.core.check.CheckResult;
import io.sabot.budget.core.gate.GateOutcome;
import io.sabot.budget.core.gate.GateReporter;
import io.sabot.budget.core.gate.GateSettings;
import io.sabot.budget.core.model.Environment;
import io.sabot.budget.core.model.RunResults;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.maven.plugin.logging.Log;

/** Sends the outcome to Maven's log. */
final class MavenReporter implements GateReporter {

    private final Log log;
    private final GateSettings settings;

    MavenReporter(Log log, GateSettings settings) {
        this.log = log;
        this.settings = settings;
    }

    @Override
    public void report(GateOutcome outcome, RunResults current, Optional<RunResults> baseline, Optional<Environment> environment) {
        for (CheckResult r : outcome.evaluation().results()) {
            log.info(r.id() + " | " + r.benchmark().label() + " | " + r.limit() + " | " + r.measured() + " " + r.unit() + " | " + r.verdictLabel());
        }
    }

    static void logOutcomeNotes(Log log, GateOutcome outcome) {
        outcome.evaluation().notes().forEach(log::info);
    }

    static String failureMessage(GateOutcome outcome, Path outputDirectory) {
        return outcome.failures().size() + " performance budget check(s) failed:\n"
                + outcome.failures().stream().map(r -> "  " + r.id() + " " + r.message()).collect(Collectors.joining("\n"));
    }
}
