package io.sabot.budget.core.check.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ForkVariancePriorTest {

    /** The spread of {@code forks} log-normal fork means per side, two sides, relative sd {@code sd}. */
    private static ForkSpread spread(Random random, double sd, int forks) {
        return ForkSpread.of(side(random, sd, forks), side(random, sd, forks)).orElseThrow();
    }

    private static Samples side(Random random, double sd, int forks) {
        List<double[]> raw = new ArrayList<>();
        for (int f = 0; f < forks; f++) {
            raw.add(new double[] {100 * Math.exp(sd * random.nextGaussian())});
        }
        return new Samples(raw);
    }

    @Test
    void benchmarksWithTheSameNoiseGiveAStrongPriorNearThatNoise() {
        Random random = new Random(1);
        List<ForkSpread> spreads = new ArrayList<>();
        for (int b = 0; b < 40; b++) {
            spreads.add(spread(random, 0.05, 3));
        }
        ForkVariancePrior prior = ForkVariancePrior.fit(spreads).orElseThrow();
        assertThat(Math.sqrt(prior.logVariance())).isCloseTo(0.05, offset(0.01));
        // each is tested at 1% for spreading more than the others, so one in a hundred is left out by chance
        assertThat(prior.benchmarks()).as("benchmarks pooled, of 40 alike").isBetween(38, 40);
        assertThat(prior.degreesOfFreedom()).isEqualTo(prior.benchmarks() * 4.0);
    }

    @Test
    void benchmarksThatSpreadFarMoreThanTheOthersAreLeftOutOfThePool() {
        Random random = new Random(2);
        List<ForkSpread> spreads = new ArrayList<>();
        for (int b = 0; b < 40; b++) {
            spreads.add(spread(random, b % 4 == 0 ? 0.30 : 0.01, 3));
        }
        ForkVariancePrior prior = ForkVariancePrior.fit(spreads).orElseThrow();
        assertThat(prior.benchmarks()).as("pooled: the 30 quiet benchmarks, at most one left out by chance").isBetween(29, 30);
        assertThat(Math.sqrt(prior.logVariance())).isCloseTo(0.01, offset(0.003));
        for (int b = 0; b < 40; b += 4) {
            assertThat(prior.spreadsMoreThanPrior(spreads.get(b))).isTrue();
        }
    }

    @Test
    void equalSpreadsArePooledWithAllTheirDegreesOfFreedom() {
        List<ForkSpread> identical = List.of(new ForkSpread(0.01, 2), new ForkSpread(0.01, 2), new ForkSpread(0.01, 2));
        ForkVariancePrior prior = ForkVariancePrior.fit(identical).orElseThrow();
        assertThat(prior.degreesOfFreedom()).isEqualTo(6);
        assertThat(prior.logVariance()).isEqualTo(0.01);
    }

    @Test
    void fewerThanThreeBenchmarksWithAVarianceGiveNoPrior() {
        List<ForkSpread> spreads = List.of(new ForkSpread(0.01, 2), new ForkSpread(0.02, 2),
                new ForkSpread(Double.NaN, 0), new ForkSpread(0, 4));
        assertThat(ForkVariancePrior.fit(spreads)).isEqualTo(Optional.empty());
    }

    @Test
    void moderationWeighsOwnAndPriorByTheirDegreesOfFreedom() {
        Random random = new Random(3);
        List<ForkSpread> spreads = new ArrayList<>();
        for (int b = 0; b < 20; b++) {
            spreads.add(spread(random, 0.05, 3));
        }
        ForkVariancePrior prior = ForkVariancePrior.fit(spreads).orElseThrow();
        ForkSpread own = new ForkSpread(prior.logVariance() * 2, 4);
        ForkSpread moderated = prior.moderate(own);
        double d0 = prior.degreesOfFreedom();
        assertThat(moderated.degreesOfFreedom()).isEqualTo(d0 + 4);
        assertThat(moderated.logVariance()).isCloseTo(prior.logVariance() * (d0 + 8) / (d0 + 4), offset(1e-12));
        ForkSpread oneForkEachSide = new ForkSpread(Double.NaN, 0);
        assertThat(prior.moderate(oneForkEachSide)).isEqualTo(new ForkSpread(prior.logVariance(), d0));
    }

    @Test
    void aBenchmarkThatSpreadsFarMoreThanTheOthersKeepsItsOwnVariance() {
        Random random = new Random(4);
        List<ForkSpread> spreads = new ArrayList<>();
        for (int b = 0; b < 20; b++) {
            spreads.add(spread(random, 0.02, 3));
        }
        ForkSpread bimodal = new ForkSpread(0.25 * 0.25, 4);
        spreads.add(bimodal);
        ForkVariancePrior prior = ForkVariancePrior.fit(spreads).orElseThrow();
        assertThat(prior.spreadsMoreThanPrior(bimodal)).isTrue();
        assertThat(prior.moderate(bimodal)).isEqualTo(bimodal);
    }

    @Test
    void inAPairedBuildTheNoisierBenchmarksArePooledAmongThemselves() {
        Random random = new Random(5);
        List<ForkSpread> spreads = new ArrayList<>();
        for (int b = 0; b < 40; b++) {
            spreads.add(spread(random, b % 4 == 0 ? 0.05 : 0.01, 6));
        }
        ForkVariancePrior prior = ForkVariancePrior.fitWithNoisierClasses(spreads).orElseThrow();
        assertThat(prior.benchmarks()).as("the quiet majority, at most one left out by chance").isBetween(29, 30);
        ForkVariancePrior noisier = prior.classOf(spreads.get(0)).orElseThrow();
        assertThat(noisier.rank()).isEqualTo(1);
        assertThat(noisier.benchmarks()).isBetween(10, 11);
        assertThat(Math.sqrt(noisier.logVariance())).isCloseTo(0.05, offset(0.01));
        assertThat(noisier.describe()).isEqualTo(String.format(java.util.Locale.ROOT,
                "fork variance pooled over %d benchmarks that spread more than the build's others (df %.0f)",
                noisier.benchmarks(), noisier.degreesOfFreedom()));
        ForkSpread moderated = prior.moderate(spreads.get(0));
        assertThat(moderated.degreesOfFreedom()).isEqualTo(noisier.degreesOfFreedom() + 10);
        assertThat(prior.classOf(spreads.get(1))).contains(prior);
    }

    @Test
    void aStoredBuildKeepsOneClass() {
        Random random = new Random(5);
        List<ForkSpread> spreads = new ArrayList<>();
        for (int b = 0; b < 40; b++) {
            spreads.add(spread(random, b % 4 == 0 ? 0.05 : 0.01, 6));
        }
        ForkVariancePrior prior = ForkVariancePrior.fit(spreads).orElseThrow();
        assertThat(prior.classOf(spreads.get(0))).isEmpty();
        assertThat(prior.moderate(spreads.get(0))).isEqualTo(spreads.get(0));
    }

    @Test
    void aBenchmarkFarNoisierThanEveryClassIsStillJudgedOnItsOwn() {
        Random random = new Random(6);
        List<ForkSpread> spreads = new ArrayList<>();
        for (int b = 0; b < 20; b++) {
            spreads.add(spread(random, 0.01, 6));
        }
        for (int b = 0; b < 4; b++) {
            spreads.add(spread(random, 0.04, 6));
        }
        ForkSpread wild = new ForkSpread(0.5 * 0.5, 5);
        spreads.add(wild);
        ForkVariancePrior prior = ForkVariancePrior.fitWithNoisierClasses(spreads).orElseThrow();
        assertThat(prior.classOf(spreads.get(20))).hasValueSatisfying(c -> assertThat(c.rank()).isEqualTo(1));
        assertThat(prior.classOf(wild)).isEmpty();
        assertThat(prior.moderate(wild)).isEqualTo(wild);
    }

    @Test
    void twoNoisierBenchmarksAreTooFewToPool() {
        Random random = new Random(7);
        List<ForkSpread> spreads = new ArrayList<>();
        for (int b = 0; b < 20; b++) {
            spreads.add(spread(random, 0.01, 6));
        }
        ForkSpread a = new ForkSpread(0.05 * 0.05, 5);
        ForkSpread b = new ForkSpread(0.06 * 0.06, 5);
        spreads.add(a);
        spreads.add(b);
        ForkVariancePrior prior = ForkVariancePrior.fitWithNoisierClasses(spreads).orElseThrow();
        assertThat(prior.classOf(a)).isEmpty();
        assertThat(prior.moderate(b)).isEqualTo(b);
    }
}
