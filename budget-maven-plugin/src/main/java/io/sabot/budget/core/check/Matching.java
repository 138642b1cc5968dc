package io.sabot.budget.core.check;

import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.Budget;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Finds the results a budget applies to, and reports a budget that matches none. */
final class Matching {

    private Matching() {
    }

    static List<BenchmarkResult> resultsFor(Budget budget, EvaluationContext context) {
        // A loop, not a stream: every budget scans every result.
        List<BenchmarkResult> matched = new ArrayList<>();
        for (BenchmarkResult r : context.current().results()) {
            if (budget.appliesTo(r.key())) {
                matched.add(r);
            }
        }
        if (matched.isEmpty()) {
            String run = context.current().results().stream()
                    .map(r -> r.key().benchmark()).distinct().sorted()
                    .collect(Collectors.joining(", "));
            context.problems().unmatched(budget.id(), budget.location() + ": budget '" + budget.id() + "' matches no benchmark result"
                    + " (pattern '" + budget.benchmark() + "'" + (budget.params().isEmpty() ? "" : ", params " + budget.params())
                    + "); benchmarks in this run: " + (run.isEmpty() ? "none" : run)
                    + ". Fix the pattern, or check includes/excludes (-Dbudget.includes)");
        }
        return matched;
    }
}
