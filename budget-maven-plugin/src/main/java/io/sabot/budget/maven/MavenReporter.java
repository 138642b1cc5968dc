package io.sabot.budget.maven;

import static io.sabot.budget.core.report.PlainText.printable;

import io.sabot.budget.core.gate.GateOutcome;
import io.sabot.budget.core.gate.GateSettings;
import io.sabot.budget.core.gate.StandardReporter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.logging.Log;

/** Builds the core reporter with Maven's log as the console and the commands that show details. */
final class MavenReporter {

    private MavenReporter() {
    }

    static StandardReporter create(Log log, GateSettings settings) {
        return create(log, settings, Optional.empty());
    }

    /**
     * @param pairedAgainst the {@code -Dbudget.against} of a paired run: its logs are per pair and side, and
     *                      compare must be told the same source to judge the same pairs
     */
    static StandardReporter create(Log log, GateSettings settings, Optional<String> pairedAgainst) {
        return new StandardReporter(settings, log::info, Instant.now(), List.of(
                "Report with charts (opens offline): " + settings.outputDirectory().resolve("report.html"),
                "Report: " + settings.outputDirectory().resolve("report.md"),
                forkLogs(settings, pairedAgainst),
                "Compare again without running: mvn budget:compare" + pairedAgainst.map(a -> " -Dbudget.against=" + a).orElse(""),
                "Accept the new numbers: mvn budget:baseline -Dbudget.reason=\"...\""));
    }

    /** Where the JMH output of this run is: one log, a log per fork round, or a log per pair and side. */
    static String forkLogs(GateSettings settings, Optional<String> pairedAgainst) {
        return pairedAgainst.isPresent()
                ? "Fork logs: " + settings.outputDirectory().resolve("paired") + "/round-N/pair-M/{current,baseline}/fork.log"
                : "Fork log: " + settings.outputDirectory().resolve("fork.log") + " (forks run round by round: round-N/fork.log)";
    }

    static void logNotes(Log log, GateOutcome outcome) {
        outcome.evaluation().notes().forEach(n -> log.info("[budget] " + printable(n)));
        outcome.evaluation().warnings().forEach(w -> log.warn(printable(w.id() + " " + w.benchmark().label() + ": "
                + w.message())));
        outcome.evaluation().inconclusive().forEach(i -> log.warn(printable("INCONCLUSIVE " + i.id() + " "
                + i.benchmark().label() + ": " + i.message())));
    }
}
