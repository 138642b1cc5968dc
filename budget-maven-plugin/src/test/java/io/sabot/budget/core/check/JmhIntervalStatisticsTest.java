package io.sabot.budget.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sabot.budget.core.model.Direction;
import io.sabot.budget.core.model.Metric;
import io.sabot.budget.core.model.MetricUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JmhIntervalStatisticsTest {

    /** A SampleTime result as a plain JMH JSON without rawDataHistogram holds it: the percentiles JMH printed only. */
    static final Metric WITHOUT_HISTOGRAM = new Metric("primary", 12, Double.NaN, Double.NaN, Double.NaN, MetricUnit.parse("us/op"),
            Direction.LOWER_IS_BETTER, Map.of(50.0, 10.0, 99.0, 40.0, 99.9, 80.0), List.of(), List.of());

    @Test
    void aPercentileJmhReportedIsItsOwnPoint() {
        assertThat(new JmhIntervalStatistics().percentileInterval(WITHOUT_HISTOGRAM, 99.9).estimate()).isEqualTo(80);
    }

    @Test
    void aPercentileJmhDidNotReportIsMissingSamplesNamingWhatIsThere() {
        // Was an IllegalArgumentException that reached Maven as an internal error.
        assertThatThrownBy(() -> new JmhIntervalStatistics().percentileInterval(WITHOUT_HISTOGRAM, 97))
                .isInstanceOf(MissingSamplesException.class)
                .hasMessage("its results hold no SampleTime histogram (rawDataHistogram) and JMH reported no p97"
                        + " (only p50, p99, p99.9)");
    }
}
