package io.sabot.budget.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.budget.core.model.Budget;
import io.sabot.budget.core.model.BudgetFile;
import io.sabot.budget.core.model.Dimension;
import io.sabot.budget.core.model.JmhOptions;
import io.sabot.budget.core.model.Limit;
import io.sabot.budget.core.model.Quantity;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Judges what {@link BudgetFileParser} did with an input: either a {@link BudgetFileException} whose
 * every problem names this file with a line and column and reads as a sentence (no stack trace, no
 * library class names), or a budget file in which every value is usable as the checks expect it. A
 * file that is not UTF-8 must never be accepted. Anything else, including any other exception,
 * is a bug.
 */
final class BudgetFileOracle {

    static final String NAME = "fuzz/performance-budgets.yml";

    /** Benchmark names as JMH writes them; every pattern must answer on them quickly. */
    private static final List<String> NAMES = List.of(
            "io.sabot.engine.benchmarks.CheckpointBenchmark.triggerBarrier",
            "io.sabot.engine.benchmarks.MemoryStateBenchmark.getAllWithAVeryLongMethodNameThatGoesOnAndOnAndOn",
            "a");

    private BudgetFileOracle() {
    }

    static FuzzCampaign.Outcome judge(byte[] input) throws Exception {
        BudgetFile file;
        try {
            file = BudgetFileParser.parse(NAME, input);
        } catch (BudgetFileException e) {
            assertClearError(e, input);
            return FuzzCampaign.Outcome.REJECTED;
        }
        assertThat(ByteMutator.isValidUtf8(input)).as("accepted a file that is not valid UTF-8").isTrue();
        assertSound(file);
        return FuzzCampaign.Outcome.ACCEPTED;
    }

    static void assertClearError(BudgetFileException e, byte[] input) {
        assertThat(e.problems()).as("exception without problems").isNotEmpty();
        int lines = 1;
        for (byte b : input) {
            if (b == '\n') {
                lines++;
            }
        }
        for (BudgetFileException.Problem p : e.problems()) {
            assertThat(p.location().file()).as("problem names the file").isEqualTo(NAME);
            assertThat(p.location().line()).as("problem without a line: %s", p).isBetween(1, lines + 1);
            assertThat(p.location().column()).as("problem without a column: %s", p).isPositive();
            assertThat(p.message()).as("empty message").isNotBlank();
            assertThat(p.message()).as("library internals in the message: %s", p)
                    .doesNotContain("\tat ", "com.fasterxml", "org.yaml", "java.lang.", "Exception", "Feature", "Source:", "REDACTED");
        }
        assertThat(e.getMessage()).startsWith(e.problems().size() == 1 ? NAME : e.problems().size() + " problems");
    }

    static void assertSound(BudgetFile file) {
        assertThat(file.source()).isEqualTo(NAME);
        double regression = file.defaults().regression();
        assertThat(regression).as("defaults.regression").isGreaterThan(0).isLessThanOrEqualTo(10);
        assertThat(file.defaults().level()).isNotNull();
        JmhOptions jmh = file.jmh();
        jmh.forks().ifPresent(f -> assertThat(f).as("forks").isPositive());
        jmh.warmupIterations().ifPresent(n -> assertThat(n).as("warmup iterations").isNotNegative());
        jmh.measurementIterations().ifPresent(n -> assertThat(n).as("measurement iterations").isPositive());
        jmh.warmupTime().ifPresent(BudgetFileOracle::assertIterationTime);
        jmh.measurementTime().ifPresent(BudgetFileOracle::assertIterationTime);
        assertThat(jmh.warmupIterations().isPresent()).as("warmup count and time come together").isEqualTo(jmh.warmupTime().isPresent());
        assertThat(jmh.measurementIterations().isPresent()).as("measurement count and time come together")
                .isEqualTo(jmh.measurementTime().isPresent());
        jmh.profilers().ifPresent(list -> assertThat(list).as("profilers").allSatisfy(s -> assertThat(s).isNotBlank()));
        assertThat(jmh.jvmArgs()).as("jvm-args").allSatisfy(s -> assertThat(s).isNotBlank());
        Set<String> ids = new HashSet<>();
        for (Budget b : file.budgets()) {
            assertThat(b.id()).as("id").isNotBlank();
            assertThat(ids.add(b.id())).as("duplicate id %s accepted", b.id()).isTrue();
            assertThat(b.benchmark().text()).as("benchmark").isNotBlank();
            for (String name : NAMES) {
                b.benchmark().matches(name); // must answer, not backtrack for ever
            }
            assertThat(b.level()).isNotNull();
            assertThat(b.limit().isPresent() || b.regression().isPresent()).as("budget %s sets nothing", b.id()).isTrue();
            b.regression().ifPresent(r -> {
                if (!b.regressionOff()) { // off: a reference benchmark, no threshold at all
                    assertThat(r).as("regression of %s", b.id()).isGreaterThan(0).isLessThanOrEqualTo(10);
                }
            });
            b.params().forEach((k, v) -> assertThat(k).isNotNull());
            b.limit().ifPresent(limit -> assertLimit(b.id(), limit));
        }
    }

    private static void assertIterationTime(java.time.Duration time) {
        assertThat(time.isNegative() || time.isZero()).as("iteration time %s", time).isFalse();
    }

    private static void assertLimit(String id, Limit limit) {
        if (limit instanceof Limit.Score s) {
            assertQuantity(id, s.limit());
            assertThat(s.limit().unit().dimension()).isIn(Dimension.TIME_PER_OP, Dimension.OPS_PER_TIME);
        } else if (limit instanceof Limit.Percentile p) {
            assertQuantity(id, p.limit());
            assertThat(p.percentile()).as("percentile of %s", id).isGreaterThan(0).isLessThanOrEqualTo(100);
            assertThat(p.limit().unit().dimension()).isEqualTo(Dimension.TIME_PER_OP);
        } else if (limit instanceof Limit.SecondaryMetric m) {
            assertQuantity(id, m.limit());
            assertThat(m.metric()).as("metric of %s", id).isNotBlank();
        } else if (limit instanceof Limit.Ratio r) {
            assertThat(r.factor()).as("factor of %s", id).isFinite().isGreaterThan(0);
            assertThat(r.peer().text()).as("peer of %s", id).isNotBlank();
            for (String name : NAMES) {
                r.peer().matches(name);
            }
        }
    }

    private static void assertQuantity(String id, Quantity q) {
        assertThat(q.value()).as("limit of %s", id).isFinite().isNotNegative();
        assertThat(q.unit().toBase()).as("unit of %s", id).isFinite().isPositive();
    }
}
