package io.sabot.budget.core.check.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sabot.budget.core.check.Interval;
import io.sabot.budget.core.check.JmhIntervalStatistics;
import io.sabot.budget.core.check.Statistics;
import io.sabot.budget.core.model.Direction;
import io.sabot.budget.core.model.Metric;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Splitting the error rate over the looks of adaptive measurement (Bonferroni across looks). */
class ErrorSpendingTest {

    private final Statistics single = BootstrapStatistics.standard();
    private final Statistics fourLooks = single.withErrorSpentOver(4);

    @Test
    void oneLookChangesNothing() {
        assertThat(single.withErrorSpentOver(1)).isSameAs(single);
    }

    @Test
    void eachOfFourLooksGetsAQuarterOfTheErrorSoEveryIntervalIsWider() {
        Metric metric = Synthetic.avgt(new Random(3), 100, 3, 5, 0.03, 0.01);

        Interval one = single.scoreInterval(metric);
        Interval spent = fourLooks.scoreInterval(metric);

        assertThat(one.method()).startsWith("t 99% ");
        assertThat(spent.method()).startsWith("t 99.75% ");
        assertThat(spent.low()).isLessThan(one.low());
        assertThat(spent.high()).isGreaterThan(one.high());
    }

    @Test
    void regressionsSpendAlphaOverLooksOnTopOfTheCorrectionOverChecks() {
        Random random = new Random(5);
        Metric before = Synthetic.avgt(random, 100, 3, 5, 0.03, 0.01);
        Metric after = Synthetic.avgt(random, 105, 3, 5, 0.03, 0.01);

        Interval one = single.regression(before, after, Direction.LOWER_IS_BETTER, 0.10, 2).slowdown();
        Interval spent = fourLooks.regression(before, after, Direction.LOWER_IS_BETTER, 0.10, 2).slowdown();

        // alpha 1% over 2 checks: 99.5% per check; over 4 looks as well: 99.875%.
        assertThat(one.method()).contains("99.50%");
        assertThat(spent.method()).contains("99.88%");
        assertThat(spent.low()).isLessThan(one.low());
        assertThat(spent.high()).isGreaterThan(one.high());
    }

    @Test
    void looksMustBePositive() {
        assertThatThrownBy(() -> single.withErrorSpentOver(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("looks must be 1 or more");
    }

    @Test
    void statisticsThatCannotWidenTheirIntervalsSaySoRatherThanIgnoreTheLooks() {
        Statistics jmh = new JmhIntervalStatistics();
        assertThat(jmh.withErrorSpentOver(1)).isSameAs(jmh);
        assertThatThrownBy(() -> jmh.withErrorSpentOver(3)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("JmhIntervalStatistics cannot split its error rate over 3 looks");
    }
}
