package io.sabot.budget.core.check.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ForkAgreementTest {

    @Test
    void twoForksFarApartWithSteadyIterationsAreReportedAsBimodal() {
        Samples samples = new Samples(List.of(
                new double[] {10.0, 10.1, 9.9, 10.0, 10.05},
                new double[] {15.0, 15.1, 14.9, 15.05, 15.0}));
        Optional<String> split = ForkAgreement.split(samples, "ns/op");
        assertTrue(split.isPresent());
        assertTrue(split.get().contains("1 fork(s) near 10.010 ns/op and 1 near 15.010 ns/op"), split.get());
        assertTrue(split.get().contains("(50% apart)"), split.get());
    }

    @Test
    void groupsAreCountedOnEachSideOfTheGap() {
        Samples samples = new Samples(List.of(
                new double[] {10.0, 10.1}, new double[] {10.1, 10.0}, new double[] {10.05, 10.0},
                new double[] {20.0, 20.1}, new double[] {20.1, 20.0}));
        String split = ForkAgreement.split(samples, "us/op").orElseThrow();
        assertTrue(split.startsWith("forks disagree: 3 fork(s) near"), split);
        assertTrue(split.contains("and 2 near"), split);
    }

    @Test
    void forksThatDifferLessThanTheirIterationNoiseAgree() {
        Samples samples = new Samples(List.of(
                new double[] {10, 12, 8, 11, 9},
                new double[] {11, 13, 9, 12, 10}));
        assertEquals(Optional.empty(), ForkAgreement.split(samples, "ns/op"));
    }

    @Test
    void aSmallButSteadyDifferenceIsNotCalledBimodal() {
        Samples samples = new Samples(List.of(
                new double[] {10.000, 10.001, 10.000},
                new double[] {10.200, 10.201, 10.200}));
        assertEquals(Optional.empty(), ForkAgreement.split(samples, "ns/op"), "2% apart is below the 5% floor");
    }

    @Test
    void aContinuousSpreadOfManyForksIsNotTwoGroups() {
        Random random = new Random(7);
        double[][] forks = new double[12][];
        for (int f = 0; f < forks.length; f++) {
            double forkMean = 100 + 3 * f; // evenly spread fork means, no dominant gap
            forks[f] = new double[] {forkMean + 0.01 * random.nextGaussian(), forkMean + 0.01 * random.nextGaussian()};
        }
        assertEquals(Optional.empty(), ForkAgreement.split(new Samples(List.of(forks)), "ns/op"));
    }

    @Test
    void oneForkOrOneIterationPerForkTellsNothing() {
        assertEquals(Optional.empty(), ForkAgreement.split(new Samples(List.<double[]>of(new double[] {1, 2, 3})), "ns/op"));
        assertEquals(Optional.empty(), ForkAgreement.split(new Samples(List.of(new double[] {1}, new double[] {2})), "ns/op"));
    }
}
