package io.sabot.budget.harness;

import io.sabot.budget.core.check.BudgetEvaluator;
import io.sabot.budget.core.check.CheckKind;
import io.sabot.budget.core.check.CheckResult;
import io.sabot.budget.core.check.Evaluation;
import io.sabot.budget.core.check.Statistics;
import io.sabot.budget.core.io.ResultFileException;
import io.sabot.budget.core.io.ResultFiles;
import io.sabot.budget.core.model.BudgetFile;
import io.sabot.budget.core.model.RunResults;
import io.sabot.budget.core.model.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Re-judges the paired builds recorded under the work directory with the statistics as they are now:
 * each build's final forks ({@code results.json} and {@code baseline-results.json}, every round it
 * measured) evaluated once, as the last look evaluates them. A change to the statistics can so be
 * tried on every build ever measured before new builds are run to check it; it is not a substitute for
 * them: the rounds a build has are those the statistics of its day asked for (a check decided early has
 * only the first look's rounds), and no confirmation is run.
 */
final class PairedReplay {

    private static final Pattern BUILD = Pattern.compile("build-\\d+-paired-(\\w+)-slowdown-(\\d+\\.\\d+)");

    /** Per condition (load, injected slowdown): builds, builds with a FAIL, and checks by verdict. */
    record Tally(int builds, int buildsWithFail, int fail, int pass, int inconclusive) {

        Tally add(List<Verdict> verdicts) {
            int f = (int) verdicts.stream().filter(v -> v == Verdict.FAIL).count();
            int p = (int) verdicts.stream().filter(v -> v == Verdict.PASS).count();
            return new Tally(builds + 1, buildsWithFail + (f > 0 ? 1 : 0), fail + f, pass + p, inconclusive + verdicts.size() - f - p);
        }
    }

    private PairedReplay() {
    }

    /** The paired build directories under {@code work/paired/session-*}, oldest first. */
    static List<Path> builds(Path work) throws IOException {
        Path paired = work.resolve("paired");
        if (!Files.isDirectory(paired)) {
            throw new IOException("no recorded paired builds under " + paired + "; run the harness with --paired first");
        }
        List<Path> builds = new ArrayList<>();
        try (Stream<Path> sessions = Files.list(paired)) {
            for (Path session : sessions.filter(p -> p.getFileName().toString().startsWith("session-")).sorted().toList()) {
                try (Stream<Path> inSession = Files.list(session)) {
                    inSession.filter(p -> BUILD.matcher(p.getFileName().toString()).matches())
                            .filter(p -> Files.exists(p.resolve("results.json")) && Files.exists(p.resolve("baseline-results.json")))
                            .sorted().forEach(builds::add);
                }
            }
        }
        return builds;
    }

    /** The regression verdicts the statistics give a build's final forks now. */
    static List<Verdict> rejudge(Path build, Statistics statistics) throws ResultFileException {
        return regressions(build, BudgetFile.empty("verdict-quality replay"), statistics).stream().map(CheckResult::verdict)
                .toList();
    }

    /**
     * The regression checks of a paired build's final forks ({@code results.json} and
     * {@code baseline-results.json} in {@code build}), judged once with {@code budgets} and {@code statistics}.
     */
    static List<CheckResult> regressions(Path build, BudgetFile budgets, Statistics statistics) throws ResultFileException {
        RunResults current = ResultFiles.read(build.resolve("results.json"));
        RunResults baseline = ResultFiles.read(build.resolve("baseline-results.json"));
        Evaluation evaluation = new BudgetEvaluator(statistics, true).paired(true)
                .evaluate(budgets, current, Optional.of(baseline), Optional.empty());
        return evaluation.results().stream().filter(r -> r.kind() == CheckKind.REGRESSION).toList();
    }

    static Map<String, Tally> replay(List<Path> builds, Statistics statistics) throws ResultFileException {
        Map<String, Tally> byCondition = new TreeMap<>();
        for (Path build : builds) {
            Matcher m = BUILD.matcher(build.getFileName().toString());
            if (!m.matches()) {
                continue;
            }
            String condition = m.group(1) + ", " + (Double.parseDouble(m.group(2)) == 0 ? "A/A"
                    : String.format(Locale.ROOT, "+%.0f%%", Double.parseDouble(m.group(2)) * 100));
            List<Verdict> verdicts = rejudge(build, statistics);
            byCondition.merge(condition, new Tally(0, 0, 0, 0, 0).add(verdicts),
                    (a, b) -> new Tally(a.builds() + b.builds(), a.buildsWithFail() + b.buildsWithFail(), a.fail() + b.fail(),
                            a.pass() + b.pass(), a.inconclusive() + b.inconclusive()));
        }
        return byCondition;
    }

    static String render(Map<String, Tally> byCondition) {
        StringBuilder out = new StringBuilder();
        out.append("| Condition | Builds | Builds with a FAIL | Checks | FAIL | PASS | INCONCLUSIVE |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|\n");
        byCondition.forEach((condition, t) -> out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d |%n",
                condition, t.builds(), t.buildsWithFail(), t.fail() + t.pass() + t.inconclusive(), t.fail(), t.pass(), t.inconclusive())));
        return out.toString();
    }

    /** Replays every recorded build with the harness's statistics (its looks' share of the error rate) and writes the table. */
    static void run(Path work, Path output) throws IOException, ResultFileException {
        List<Path> builds = builds(work);
        Statistics statistics = Statistics.standard().withErrorSpentOver(PairedBuildRunner.adaptive().looks());
        String table = render(replay(builds, statistics));
        Files.writeString(output, "Replay of " + builds.size() + " recorded paired builds under " + work
                + " with the statistics as they are now (final forks, one evaluation each):\n\n" + table);
        System.out.print(table);
    }
}
