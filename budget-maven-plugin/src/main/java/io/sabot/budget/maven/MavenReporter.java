package io.sabot.budget.maven;

import static io.sabot.budget.core.report.PlainText.printable;

import io.sabot.budget.core.gate.GateOutcome;
import io.sabot.budget.core.gate.GateSettings;
import io.sabot.budget.core.gate.StandardReporter;
import java.time.Instant;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/** Builds the core reporter with Maven's log as the console and the commands that show details. */
final class MavenReporter {

    private MavenReporter() {
    }

    static StandardReporter create(Log log, GateSettings settings) {
        return new StandardReporter(settings, log::info, Instant.now(), List.of(
                "Report with charts (opens offline): " + settings.outputDirectory().resolve("report.html"),
                "Report: " + settings.outputDirectory().resolve("report.md"),
                "Fork log: " + settings.outputDirectory().resolve("fork.log"),
                "Compare again without running: mvn budget:compare",
                "Accept the new numbers: mvn budget:baseline -Dbudget.reason=\"...\""));
    }

    static void logNotes(Log log, GateOutcome outcome) {
        outcome.evaluation().notes().forEach(n -> log.info("[budget] " + printable(n)));
        outcome.evaluation().warnings().forEach(w -> log.warn(printable(w.id() + " " + w.benchmark().label() + ": "
                + w.message())));
        outcome.evaluation().inconclusive().forEach(i -> log.warn(printable("INCONCLUSIVE " + i.id() + " "
                + i.benchmark().label() + ": " + i.message())));
    }
}
