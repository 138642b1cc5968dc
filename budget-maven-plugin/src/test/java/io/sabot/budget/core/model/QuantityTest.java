package io.sabot.budget.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantityTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "10us; 10000; ns/op",
            "10 us/op; 10000; ns/op",
            "1.5ms; 1500000; ns/op",
            "2 s/op; 2e9; ns/op",
            "100K ops/s; 100000; ops/s",
            "5M ops/s; 5000000; ops/s",
            "2 ops/ms; 2000; ops/s",
            "3 ops/us; 3e6; ops/s",
            "2 KB/op; 2048; B/op",
            "0 B/op; 0; B/op",
            "300 MB/sec; 314572800; B/sec"})
    void parsesAndConvertsToTheBaseUnit(String text, double base, String baseUnit) {
        Quantity q = Quantity.parse(text);
        assertThat(q.unit().dimension().baseUnit()).isEqualTo(baseUnit);
        assertThat(q.value() * q.unit().toBase()).isCloseTo(base, offset(base * 1e-9 + 1e-9));
    }

    @Test
    void jmhUnitsParse() {
        assertThat(MetricUnit.parse("ns/op").dimension()).isEqualTo(Dimension.TIME_PER_OP);
        assertThat(MetricUnit.parse("ops/s").dimension()).isEqualTo(Dimension.OPS_PER_TIME);
        assertThat(MetricUnit.parse("MB/sec").dimension()).isEqualTo(Dimension.BYTES_PER_TIME);
        assertThat(MetricUnit.parse("counts").dimension()).isEqualTo(Dimension.OTHER);
    }

    @Test
    void conversionBetweenComparableUnits() {
        assertThat(MetricUnit.parse("us/op").convert(10, MetricUnit.NS_PER_OP)).isEqualTo(10_000);
        assertThat(MetricUnit.parse("ops/ms").convert(2, MetricUnit.OPS_PER_S)).isEqualTo(2_000);
        assertThatThrownBy(() -> MetricUnit.parse("us/op").convert(1, MetricUnit.OPS_PER_S))
                .hasMessageContaining("cannot convert us/op to ops/s");
        assertThat(MetricUnit.parse("counts").isComparableTo(MetricUnit.parse("ms"))).isFalse();
    }

    @Test
    void badUnitsNameTheAcceptedOnes() {
        assertThatThrownBy(() -> Quantity.parse("10 parsecs/op")).hasMessageContaining("accepted units");
        assertThatThrownBy(() -> Quantity.parse("10")).hasMessageContaining("has no unit");
        assertThatThrownBy(() -> Quantity.parse("fast")).hasMessageContaining("not a number followed by a unit");
    }

    @Test
    void directionFromModeNeverFromNames() {
        assertThat(Mode.THROUGHPUT.primaryDirection()).isEqualTo(Direction.HIGHER_IS_BETTER);
        assertThat(Mode.AVERAGE_TIME.primaryDirection()).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(Mode.SAMPLE_TIME.primaryDirection()).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(Mode.SINGLE_SHOT.primaryDirection()).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(Direction.LOWER_IS_BETTER.slowdown(100, 110)).isCloseTo(0.10, offset(1e-12));
        assertThat(Direction.HIGHER_IS_BETTER.slowdown(100, 90)).isCloseTo(0.10, offset(1e-12));
        assertThat(Direction.HIGHER_IS_BETTER.slowdown(100, 120)).isCloseTo(-0.20, offset(1e-12));
    }

    @Test
    void benchmarkPatternsMatchGlobsAndDotBoundaries() {
        BenchmarkPattern suffix = BenchmarkPattern.glob("MemoryStateBenchmark.get");
        assertThat(suffix.matches("io.x.MemoryStateBenchmark.get")).isTrue();
        assertThat(suffix.matches("io.x.MemoryStateBenchmark.getAll")).isFalse();
        assertThat(suffix.matches("io.x.OtherMemoryStateBenchmark.get")).isFalse();
        BenchmarkPattern glob = BenchmarkPattern.glob("*.Watermark*.update");
        assertThat(glob.matches("io.x.WatermarkBenchmark.update")).isTrue();
        assertThat(glob.matches("io.x.WatermarkBenchmark.updateAll")).isFalse();
        assertThat(BenchmarkPattern.glob("io.x.A.?").matches("io.x.A.b")).isTrue();
    }

    /** The Formatter-free path of {@link Quantity#format} writes exactly what String.format wrote before it. */
    @Test
    void formattingMatchesStringFormat() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        java.util.List<Double> values = new java.util.ArrayList<>(java.util.List.of(0.0, -0.0, 0.00049, -0.00004, 0.5, 0.99995,
                1.0, 99.95, 99.9999, 100.05, 999.95, 1000.0, 1234.5, -1234.5, 9_999_999.4, 2.675, 1.0005, 0.00125, -5.5));
        for (int i = 0; i < 100_000; i++) {
            double magnitude = Math.pow(10, random.nextDouble(-3, 7));
            double value = random.nextBoolean() ? magnitude : -magnitude;
            values.add(random.nextInt(4) == 0 ? Math.round(value * 2000) / 2000.0 : value);
        }
        for (double value : values) {
            double abs = Math.abs(value);
            String expected = abs != 0 && (abs >= 1e7 || abs < 1e-3) ? String.format(java.util.Locale.ROOT, "%.3e", value)
                    : abs >= 1000 ? String.format(java.util.Locale.ROOT, "%,.0f", value)
                    : abs >= 100 ? String.format(java.util.Locale.ROOT, "%.1f", value)
                    : abs >= 1 ? String.format(java.util.Locale.ROOT, "%.3f", value)
                    : String.format(java.util.Locale.ROOT, "%.4f", value);
            assertThat(Quantity.format(value)).as("format(%s)", value).isEqualTo(expected);
        }
    }

    /** {@link Quantity#fixed} writes what {@code String.format("%.nf")} writes, for every scale and size. */
    @Test
    void fixedMatchesStringFormat() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        java.util.List<Double> values = new java.util.ArrayList<>(java.util.List.of(0.0, -0.0, 0.5, -0.5, 1.5, 2.5, 0.05, 0.995,
                9.995, 99.5, 999.5, -0.004, -0.0049, 0.0005, 1e-3, 9_999_999.5, 1e7, 1.0E-5, 123456789.125, 99.99999999,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, 1e300));
        for (int i = 0; i < 20_000; i++) {
            double magnitude = Math.pow(10, random.nextDouble(-6, 12));
            double value = random.nextBoolean() ? magnitude : -magnitude;
            values.add(random.nextInt(3) == 0 ? Math.round(value * 2000) / 2000.0 : value);
        }
        for (double value : values) {
            for (int decimals = 0; decimals <= 8; decimals++) {
                assertThat(Quantity.fixed(value, decimals)).as("fixed(%s, %d)", value, decimals)
                        .isEqualTo(String.format(java.util.Locale.ROOT, "%." + decimals + "f", value));
            }
        }
    }

    @Test
    void aGlobMatchesOnlyNamesHoldingItsLongestLiteralRun() {
        assertThat(BenchmarkPattern.glob("*.Suite7Benchmark.*").matches("io.x.Suite7Benchmark.op")).isTrue();
        assertThat(BenchmarkPattern.glob("*.Suite7Benchmark.*").matches("io.x.Suite17Benchmark.op")).isFalse();
        assertThat(BenchmarkPattern.glob("Sui?e7*").matches("io.x.Suite7Benchmark.op")).isTrue();
        assertThat(BenchmarkPattern.glob("*").matches("anything")).isTrue();
        assertThat(BenchmarkPattern.glob("**").matches("a.b")).isTrue();
    }
}
