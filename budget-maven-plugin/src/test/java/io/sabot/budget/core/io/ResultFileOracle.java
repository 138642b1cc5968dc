package io.sabot.budget.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.budget.core.check.Statistics;
import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.Metric;
import io.sabot.budget.core.model.RunResults;
import java.util.List;
import java.util.Map;

/**
 * Judges what {@link ResultFiles} did with an input: either a {@link ResultFileException} whose
 * message names the file and reads as a sentence, or results the checks can use as they are: finite
 * scores (non-negative for the primary metric, which is a time or a throughput), raw samples with at
 * least one finite value per fork, histograms with samples in them, percentiles between 0 and 100.
 * The statistics the checks run must work on every accepted metric. Anything else is a bug.
 */
final class ResultFileOracle {

    static final String NAME = "fuzz/results.json";

    private ResultFileOracle() {
    }

    static FuzzCampaign.Outcome judge(byte[] input) throws Exception {
        RunResults run;
        try {
            run = ResultFiles.read(NAME, input);
        } catch (ResultFileException e) {
            assertClearError(e);
            return FuzzCampaign.Outcome.REJECTED;
        }
        assertThat(ByteMutator.isValidUtf8(input)).as("accepted a file that is not valid UTF-8").isTrue();
        assertSound(run);
        return FuzzCampaign.Outcome.ACCEPTED;
    }

    static void assertClearError(ResultFileException e) {
        assertThat(e.getMessage()).as("message names the file").startsWith(NAME);
        assertThat(e.getMessage()).as("library internals in the message: %s", e.getMessage())
                .doesNotContain("\tat ", "com.fasterxml", "java.lang.", "Exception", "Feature", "ObjectNode", "Source:", "REDACTED");
    }

    static void assertSound(RunResults run) {
        assertThat(run.source()).isEqualTo(NAME);
        run.environment().ifPresent(env -> assertThat(env.cores()).as("cores").isNotNegative());
        Statistics statistics = Statistics.standard();
        for (BenchmarkResult r : run.results()) {
            assertThat(r.key().benchmark()).as("benchmark").isNotBlank();
            assertThat(r.threads()).as("threads of %s", r.key()).isPositive();
            assertThat(r.forks()).as("forks of %s", r.key()).isNotNegative();
            assertThat(r.primary().score()).as("primary score of %s", r.key()).isFinite().isNotNegative();
            assertMetric(r.primary(), true, statistics);
            for (Map.Entry<String, Metric> m : r.secondary().entrySet()) {
                assertMetric(m.getValue(), false, statistics);
            }
        }
    }

    private static void assertMetric(Metric m, boolean primary, Statistics statistics) {
        assertThat(m.score()).as("score of %s", m.name()).isFinite();
        for (double[] fork : m.rawData()) {
            assertThat(fork).as("a fork of %s without samples", m.name()).isNotEmpty();
            for (double v : fork) {
                assertThat(v).as("sample of %s", m.name()).isFinite();
                if (primary) {
                    assertThat(v).as("sample of %s", m.name()).isNotNegative();
                }
            }
        }
        double total = 0;
        for (List<double[][]> fork : m.histograms()) {
            assertThat(fork).as("a histogram fork of %s without iterations", m.name()).isNotEmpty();
            for (double[][] iteration : fork) {
                for (double[] pair : iteration) {
                    assertThat(pair[0]).as("histogram value of %s", m.name()).isFinite().isNotNegative();
                    assertThat(pair[1]).as("histogram count of %s", m.name()).isFinite().isNotNegative();
                    total += pair[1];
                }
            }
        }
        if (m.hasHistograms()) {
            assertThat(total).as("histograms of %s hold no samples", m.name()).isPositive();
        }
        m.percentiles().forEach((p, v) -> {
            assertThat(p).as("percentile of %s", m.name()).isBetween(0.0, 100.0);
            assertThat(v).as("p%s of %s", p, m.name()).isFinite();
        });
        // The checks' statistics must accept whatever the reader accepted.
        statistics.scoreInterval(m);
        if (m.hasHistograms()) {
            statistics.percentileInterval(m, 99);
        }
        statistics.regression(m, m, m.direction(), 0.10, 1);
    }
}
