package io.sabot.budget.core.fork;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading JMH's {@code -lp} listing (JMH 1.37's format, as printed on this machine). */
class BenchmarkListerTest {

    @Test
    void namesWithTheirParamValuesInJmhsOrder() {
        List<String> out = List.of(
                "# JMH version: 1.37",
                "Benchmarks: ",
                "io.sabot.budget.harness.CalibratedWorkBenchmark.work",
                "  param \"id\" = {00, 01, 02}",
                "  param \"kind\" = {a b, c}",
                "io.sabot.budget.harness.CalibratedWorkMethods.work00",
                "io.sabot.budget.harness.CalibratedWorkMethods.work01");

        List<ListedBenchmark> listed = BenchmarkLister.parse(out);

        assertThat(listed).extracting(ListedBenchmark::name).containsExactly("io.sabot.budget.harness.CalibratedWorkBenchmark.work",
                "io.sabot.budget.harness.CalibratedWorkMethods.work00", "io.sabot.budget.harness.CalibratedWorkMethods.work01");
        assertThat(listed.get(0).params()).containsExactly(Map.entry("id", List.of("00", "01", "02")),
                Map.entry("kind", List.of("a b", "c")));
        assertThat(listed.get(0).combinations()).hasSize(6).first().isEqualTo(Map.of("id", "00", "kind", "a b"));
        assertThat(listed.get(0).pinnable()).isTrue();
        assertThat(listed.get(1).params()).isEmpty();
        assertThat(listed.get(1).combinations()).containsExactly(Map.of());
    }

    @Test
    void aValueJmhCannotPinMakesTheBenchmarkUnpinnable() {
        ListedBenchmark csv = new ListedBenchmark("io.x.A.parse", Map.of("line", List.of("a,b", "c")));
        assertThat(csv.pinnable()).isFalse();
        assertThat(BenchmarkLister.parse(List.of("Benchmarks:"))).isEmpty();
    }
}
