package io.sabot.budget.core.check;

import java.util.List;

/**
 * All check results of one build, plus what could not be evaluated and notes about the baseline.
 *
 * @param problems configuration problems; when any exist the build must stop with them listed
 * @param notes    information for the report (baseline environment, benchmarks without baseline)
 */
public record Evaluation(List<CheckResult> results, List<String> problems, List<String> notes) {

    public Evaluation {
        results = List.copyOf(results);
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    public List<CheckResult> violations() {
        return results.stream().filter(CheckResult::isViolation).toList();
    }

    public List<CheckResult> warnings() {
        return results.stream().filter(CheckResult::isWarning).toList();
    }

    public List<CheckResult> inconclusive() {
        return results.stream().filter(r -> r.verdict() == io.sabot.budget.core.model.Verdict.INCONCLUSIVE).toList();
    }

    public long passed() {
        return results.stream().filter(r -> r.verdict() == io.sabot.budget.core.model.Verdict.PASS).count();
    }
}
