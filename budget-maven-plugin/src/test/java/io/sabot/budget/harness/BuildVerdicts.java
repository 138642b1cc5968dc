package io.sabot.budget.harness;

import io.sabot.budget.core.model.Verdict;
import java.util.List;

/** The verdicts one rule gave the benchmarks of one build, in benchmark order. */
record BuildVerdicts(List<Verdict> verdicts) {

    BuildVerdicts {
        verdicts = List.copyOf(verdicts);
    }

    boolean failed() {
        return verdicts.contains(Verdict.FAIL);
    }

    boolean anyInconclusive() {
        return verdicts.contains(Verdict.INCONCLUSIVE);
    }

    long count(Verdict verdict) {
        return verdicts.stream().filter(v -> v == verdict).count();
    }
}
