package io.sabot.budget.core.gate;

import io.sabot.budget.core.check.CheckKind;
import io.sabot.budget.core.check.CheckResult;
import io.sabot.budget.core.check.Evaluation;
import io.sabot.budget.core.fork.Patterns;
import io.sabot.budget.core.model.BenchmarkKey;
import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.Budget;
import io.sabot.budget.core.model.BudgetFile;
import io.sabot.budget.core.model.Limit;
import io.sabot.budget.core.model.RunResults;
import io.sabot.budget.core.model.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Confirmation reruns: a failure must repeat before it fails the build. Only the benchmarks behind
 * failed checks (and the peers of failed ratio checks) are forked again; a check fails only when it
 * fails in the first run and in every confirmation. The report keeps both runs' messages.
 */
final class Confirmation {

    /** How the note of a failure its confirmation overturned begins. */
    static final String OVERTURNED = "failed in the first run";

    private Confirmation() {
    }

    /** Failed checks (either level) that a rerun could overturn. */
    static List<CheckResult> failed(Evaluation evaluation) {
        return evaluation.results().stream().filter(r -> r.verdict() == Verdict.FAIL).toList();
    }

    /** JMH include regexes for the benchmarks to rerun: exact names, peers of ratio budgets included. */
    static List<String> includesFor(List<CheckResult> failed, BudgetFile budgets, RunResults current) {
        List<String> includes = new ArrayList<>();
        for (String name : benchmarksFor(failed, budgets, current)) {
            includes.add(Patterns.exact(name));
        }
        return includes;
    }

    /** The benchmark names behind failed checks, peers of ratio budgets included. */
    static Set<String> benchmarksFor(List<CheckResult> failed, BudgetFile budgets, RunResults current) {
        Set<String> names = new LinkedHashSet<>();
        for (CheckResult r : failed) {
            names.add(r.benchmark().benchmark());
            if (r.kind() == CheckKind.RATIO) {
                for (Budget b : budgets.budgets()) {
                    // a JDK comparison names a check after the JDK it judged: "T-RATIO @temurin-25-jdk-amd64"
                    boolean owner = b.id().equals(r.id()) || r.id().startsWith(b.id() + " @");
                    if (owner && b.limit().orElse(null) instanceof Limit.Ratio ratio) {
                        current.results().stream().map(x -> x.key().benchmark())
                                .filter(ratio.peer()::matches).forEach(names::add);
                    }
                }
            }
        }
        return names;
    }

    /** The first run's results with every rerun benchmark replaced by its new result. */
    static RunResults merge(RunResults first, RunResults rerun) {
        Map<BenchmarkKey, BenchmarkResult> byKey = new LinkedHashMap<>();
        first.results().forEach(r -> byKey.put(r.key(), r));
        rerun.results().forEach(r -> byKey.put(r.key(), r));
        return new RunResults(first.source() + " + " + rerun.source(), new ArrayList<>(byKey.values()),
                first.environment(), first.recordedAt(), first.reason());
    }

    /**
     * Final results: checks that did not fail first are kept; a failed one keeps FAIL only if the
     * confirmation failed too, otherwise takes the confirmation's verdict with a note.
     */
    static Evaluation combine(Evaluation first, Evaluation confirmation, int round) {
        return combine(first, confirmation, round, r -> true);
    }

    /**
     * {@link #combine}, for the failed checks {@code confirming} accepts only; other failures (already
     * confirmed in an earlier pass, their benchmarks not measured again) keep their verdict.
     */
    static Evaluation combine(Evaluation first, Evaluation confirmation, int round, Predicate<CheckResult> confirming) {
        Map<String, CheckResult> confirmed = new LinkedHashMap<>();
        confirmation.results().forEach(r -> confirmed.put(key(r), r));
        List<CheckResult> results = new ArrayList<>();
        for (CheckResult r : first.results()) {
            if (r.verdict() != Verdict.FAIL || !confirming.test(r)) {
                results.add(r);
                continue;
            }
            CheckResult again = confirmed.get(key(r));
            if (again == null) {
                results.add(r);
                continue;
            }
            List<String> notes = new ArrayList<>(again.notes());
            if (again.verdict() == Verdict.FAIL) {
                notes.add("confirmed by rerun " + round + "; first run: " + r.message());
                results.add(again.withNotes(notes));
            } else {
                notes.add(OVERTURNED + " (" + r.message() + ") but not in confirmation rerun " + round
                        + ": treated as noise");
                results.add(again.withNotes(notes));
            }
        }
        List<String> notes = new ArrayList<>(first.notes());
        long rerun = first.results().stream().filter(r -> r.verdict() == Verdict.FAIL && confirming.test(r)).count();
        notes.add("Confirmation rerun " + round + " re-measured the benchmarks behind " + rerun + " check(s) that failed first");
        return new Evaluation(results, first.problems(), notes);
    }

    /** A check's identity across evaluations: its budget id and benchmark. */
    static String key(CheckResult r) {
        return r.id() + "|" + r.benchmark();
    }

}
