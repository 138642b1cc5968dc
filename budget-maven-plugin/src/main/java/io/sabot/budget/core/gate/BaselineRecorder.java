package io.sabot.budget.core.gate;

import com.fasterxml.jackson.databind.JsonNode;
import io.sabot.budget.core.check.BudgetEvaluator;
import io.sabot.budget.core.check.CheckKind;
import io.sabot.budget.core.check.CheckResult;
import io.sabot.budget.core.check.Evaluation;
import io.sabot.budget.core.check.Statistics;
import io.sabot.budget.core.history.CommitId;
import io.sabot.budget.core.io.BaselineWriter;
import io.sabot.budget.core.io.EnvironmentProbe;
import io.sabot.budget.core.io.JsonTrees;
import io.sabot.budget.core.io.ResultFileException;
import io.sabot.budget.core.model.Budget;
import io.sabot.budget.core.model.BudgetFile;
import io.sabot.budget.core.model.Environment;
import io.sabot.budget.core.model.RunResults;
import io.sabot.budget.core.model.Verdict;
import io.sabot.budget.core.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * budget:baseline: stores results as the new baseline, atomically, with the environment, the time
 * and a reason. A run that regresses against the current baseline replaces it only with a reason,
 * so a slowdown cannot be made the new normal by accident.
 */
public final class BaselineRecorder {

    private final Statistics statistics;

    public BaselineRecorder(Statistics statistics) {
        this.statistics = statistics;
    }

    /** What was stored, for the log. */
    public record Recorded(Path baseline, int benchmarks, Environment environment, List<CheckResult> acceptedRegressions) {
    }

    public Recorded record(GateSettings settings, Path resultsFile, Optional<String> reason, Instant now, Path javaExecutable)
            throws GateException, BaselineRefusedException {
        RunResults results = BudgetGate.readResults(resultsFile, "the results to store (run mvn verify or budget:check first,"
                + " or point -Dbudget.results=... at a JMH JSON file)");
        if (results.results().isEmpty()) {
            throw new GateException(resultsFile + " holds no benchmark results; nothing to store as a baseline");
        }
        Optional<RunResults> previous = BudgetGate.loadBaseline(settings.baselineFile());
        Environment environment = EnvironmentProbe.of(results, BudgetGate.javaHome(settings, javaExecutable));
        List<CheckResult> regressions = List.of();
        if (previous.isPresent()) {
            BudgetFile budgets = new BudgetGate(statistics, null, null).loadBudgets(settings);
            Evaluation evaluation = new BudgetEvaluator(statistics, true)
                    .evaluate(withoutLimits(budgets), results, previous, Optional.of(environment));
            regressions = evaluation.results().stream()
                    .filter(r -> r.kind() == CheckKind.REGRESSION && r.verdict() == Verdict.FAIL)
                    .collect(Collectors.toList());
            if (!regressions.isEmpty() && reason.filter(r -> !r.isBlank()).isEmpty()) {
                throw new BaselineRefusedException("Refusing to replace the baseline " + settings.baselineFile()
                        + " with a run that regresses against it:\n  - "
                        + regressions.stream().map(CheckResult::message).collect(Collectors.joining("\n  - "))
                        + "\nIf the slowdown is intended, record it with a reason:"
                        + " mvn budget:baseline -Dbudget.reason=\"why this is the new normal\"");
            }
        }
        if (reason.filter(r -> !r.isBlank()).isEmpty()) {
            refuseWhatItsOwnCheckFailed(settings, resultsFile);
        }
        try {
            // The commit of the code measured: the baseline file lives in the project, so git there knows it.
            Path directory = settings.baselineFile().toAbsolutePath().getParent();
            while (directory != null && !Files.isDirectory(directory)) {
                directory = directory.getParent();
            }
            BaselineWriter.write(settings.baselineFile(), resultsFile, environment, now, reason.orElse(null),
                    CommitId.resolve(System.getenv(), directory));
        } catch (ResultFileException e) {
            throw new GateException("Cannot store the baseline: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new GateException("Cannot write the baseline " + settings.baselineFile() + ": " + e.getMessage()
                    + ". Check <baselineFile> (-Dbudget.baselineFile)", e);
        }
        return new Recorded(settings.baselineFile(), results.results().size(), environment, regressions);
    }

    /**
     * The check that measured these results judged them too: its report.json beside them (written after
     * them; an older one belongs to another run) may hold regressions the stored comparison below cannot
     * see, such as a paired run's against the baseline code. Such a run becomes the baseline only with a reason.
     */
    private static void refuseWhatItsOwnCheckFailed(GateSettings settings, Path resultsFile) throws BaselineRefusedException {
        Path report = resultsFile.resolveSibling(ReportWriter.JSON);
        List<String> failed = new ArrayList<>();
        try {
            if (!Files.isRegularFile(report)
                    || Files.getLastModifiedTime(report).compareTo(Files.getLastModifiedTime(resultsFile)) < 0) {
                return;
            }
            JsonNode root = JsonTrees.read(Files.readAllBytes(report));
            for (JsonNode check : root.path("checks")) {
                if ("REGRESSION".equals(check.path("kind").asText()) && "FAIL".equals(check.path("verdict").asText())
                        && "ERROR".equals(check.path("level").asText())) {
                    failed.add(check.path("message").asText());
                }
            }
        } catch (IOException e) {
            return; // an unreadable report says nothing about the results; the stored comparison still runs
        }
        if (!failed.isEmpty()) {
            throw new BaselineRefusedException("Refusing to replace the baseline " + settings.baselineFile()
                    + " with a run whose own check failed its regression checks (" + report + "):\n  - "
                    + String.join("\n  - ", failed)
                    + "\nIf the slowdown is intended, record it with a reason:"
                    + " mvn budget:baseline -Dbudget.reason=\"why this is the new normal\"");
        }
    }

    /** Only the regression thresholds matter here; limits are judged by check, not by baseline. */
    private static BudgetFile withoutLimits(BudgetFile budgets) {
        return new BudgetFile(budgets.source(), budgets.defaults(), budgets.jmh(), budgets.budgets().stream()
                .filter(b -> b.regression().isPresent())
                .map(b -> new Budget(b.id(), b.benchmark(), b.params(), Optional.empty(),
                        b.regression(), b.level(), b.location()))
                .collect(Collectors.toList()));
    }
}
