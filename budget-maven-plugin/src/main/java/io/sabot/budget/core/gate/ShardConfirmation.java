package io.sabot.budget.core.gate;

import io.sabot.budget.core.check.CheckResult;
import io.sabot.budget.core.check.Evaluation;
import io.sabot.budget.core.model.BenchmarkKey;
import io.sabot.budget.core.model.RunResults;
import io.sabot.budget.core.model.Verdict;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The confirmation reruns of a merged build. Each shard confirmed what failed in its own evaluation;
 * the merged evaluation (all benchmarks, the whole build's error rate) may fail a check its shard did
 * not, and then there is no rerun of it: that FAIL stays, and says it was not re-measured. A check
 * with a rerun is combined as budget:check combines one ({@link Confirmation#combine}).
 */
final class ShardConfirmation {

    interface Reevaluation {
        Evaluation evaluate(RunResults withRerun) throws GateException;
    }

    private ShardConfirmation() {
    }

    static Evaluation apply(Evaluation evaluation, RunResults current, RunResults rerun, int round, Reevaluation reevaluate)
            throws GateException {
        List<CheckResult> failed = Confirmation.failed(evaluation);
        if (failed.isEmpty()) {
            return evaluation;
        }
        Set<BenchmarkKey> rerunKeys = new HashSet<>();
        rerun.results().forEach(r -> rerunKeys.add(r.key()));
        Evaluation confirmation = rerunKeys.isEmpty() ? new Evaluation(List.of(), List.of(), List.of())
                : reevaluate.evaluate(Confirmation.merge(current, rerun));
        // only checks whose benchmark was re-measured take the confirmation's verdict
        List<CheckResult> remeasured = confirmation.results().stream().filter(r -> rerunKeys.contains(r.benchmark())).toList();
        Evaluation combined = rerunKeys.isEmpty() ? evaluation
                : Confirmation.combine(evaluation, new Evaluation(remeasured, confirmation.problems(), confirmation.notes()), round);
        List<CheckResult> results = new ArrayList<>();
        for (CheckResult r : combined.results()) {
            if (r.verdict() == Verdict.FAIL && !rerunKeys.contains(r.benchmark()) && round == 1) {
                List<String> notes = new ArrayList<>(r.notes());
                notes.add("not confirmed by a rerun: its shard's own evaluation did not fail it, so the shard did not"
                        + " re-measure it; the whole build's evaluation does");
                results.add(r.withNotes(notes));
            } else {
                results.add(r);
            }
        }
        return new Evaluation(results, combined.problems(), combined.notes());
    }
}
