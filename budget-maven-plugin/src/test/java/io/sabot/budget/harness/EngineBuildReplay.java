package io.sabot.budget.harness;

import io.sabot.budget.core.check.CheckResult;
import io.sabot.budget.core.check.Statistics;
import io.sabot.budget.core.gate.PairedRecord;
import io.sabot.budget.core.io.BudgetFileParser;
import io.sabot.budget.core.io.JsonTrees;
import io.sabot.budget.core.model.BudgetFile;
import io.sabot.budget.core.model.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Re-judges paired builds of a real project (the engine's quick gate or main job, kept in a rehearsal's
 * {@code target/budget/}) with the statistics as they are now: its final forks, its budget file and the
 * looks its {@code paired.json} records (four, the quick gate's, for builds older than that file), one evaluation, as its last look made it. The regression
 * verdicts are printed, decided ones in full. The engine's side of a change to the statistics, beside
 * {@code --paired-replay}'s harness builds; no rounds, looks or confirmations are run.
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat target/test.classpath) \
 *     io.sabot.budget.harness.EngineBuildReplay budgets.yml target/budget [more target/budget directories]</pre>
 */
public final class EngineBuildReplay {

    private EngineBuildReplay() {
    }

    /** The looks {@code paired.json} records; builds from before it existed had the quick gate's four. */
    static int looks(Path directory) throws IOException {
        Path record = directory.resolve(PairedRecord.FILE);
        return Files.isRegularFile(record) ? JsonTrees.read(Files.readAllBytes(record)).path("looks").asInt(4) : 4;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: EngineBuildReplay <performance-budgets.yml> <target/budget directory>...");
            System.exit(2);
        }
        BudgetFile budgets = BudgetFileParser.parse(Path.of(args[0]));
        for (int i = 1; i < args.length; i++) {
            Path directory = Path.of(args[i]);
            int looks = looks(directory);
            List<CheckResult> regressions = PairedReplay.regressions(directory, budgets,
                    Statistics.standard().withErrorSpentOver(looks));
            int pass = 0;
            int fail = 0;
            int undecided = 0;
            for (CheckResult r : regressions) {
                pass += r.verdict() == Verdict.PASS ? 1 : 0;
                fail += r.verdict() == Verdict.FAIL ? 1 : 0;
                undecided += r.verdict() == Verdict.INCONCLUSIVE ? 1 : 0;
                if (r.verdict() != Verdict.INCONCLUSIVE) {
                    System.out.println("  " + r.verdict() + " " + r.message() + " " + r.interval());
                }
            }
            System.out.printf("%s (%d looks): regression PASS %d, FAIL %d, INCONCLUSIVE %d%n", directory, looks, pass, fail, undecided);
        }
    }
}
