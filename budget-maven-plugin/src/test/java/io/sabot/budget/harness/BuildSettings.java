package io.sabot.budget.harness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The JMH settings of one kind of build, per benchmark: {@code forks} forks, each with
 * {@code warmup} warmup and {@code measurement} measurement iterations of the pool's iteration time.
 * A pool fork measured with no JMH warmup holds every iteration, so a build fork is the pool fork cut
 * to iterations {@code [warmup, warmup + measurement)}: exactly what JMH would have recorded, since an
 * iteration does not depend on how many follow it.
 */
record BuildSettings(String name, int forks, int baselineForks, int warmup, int measurement) {

    BuildSettings {
        if (forks < 1 || baselineForks < 1 || warmup < 0 || measurement < 1) {
            throw new IllegalArgumentException("a build needs at least 1 fork and 1 measurement iteration, not "
                    + forks + " x (" + warmup + " + " + measurement + ")");
        }
    }

    /** A build whose baseline was recorded with the same settings. */
    BuildSettings(String name, int forks, int warmup, int measurement) {
        this(name, forks, forks, warmup, measurement);
    }

    /** The baseline's side: its forks per group, the same iterations. */
    BuildSettings baselineSide() {
        return new BuildSettings(name, baselineForks, baselineForks, warmup, measurement);
    }

    /** The iterations a build fork would have recorded, cut from one pool fork. */
    double[] slice(double[] poolFork) {
        if (poolFork.length < warmup + measurement) {
            throw new IllegalArgumentException("a pool fork of " + poolFork.length + " iterations is too short for "
                    + warmup + " warmup + " + measurement + " measurement iterations");
        }
        return Arrays.copyOfRange(poolFork, warmup, warmup + measurement);
    }

    /** How many disjoint groups of {@code forks} consecutive forks a pool of {@code poolForks} forks holds. */
    int groups(int poolForks) {
        return poolForks / forks;
    }

    /** Group {@code index}: forks {@code [index * forks, (index + 1) * forks)} of the pool, each sliced. */
    List<double[]> group(List<double[]> poolForks, int index) {
        if (index < 0 || index >= groups(poolForks.size())) {
            throw new IllegalArgumentException("group " + index + " does not exist in a pool of " + poolForks.size()
                    + " forks with " + forks + " forks per group");
        }
        List<double[]> group = new ArrayList<>();
        for (int f = index * forks; f < (index + 1) * forks; f++) {
            group.add(slice(poolForks.get(f)));
        }
        return group;
    }

    /** Seconds one benchmark of such a build takes: per fork, the JVM overhead plus its iterations. */
    double secondsPerBenchmark(double overheadSecondsPerFork, double iterationSeconds) {
        return forks * (overheadSecondsPerFork + (warmup + measurement) * iterationSeconds);
    }

    String label() {
        return name + " (" + forks + " fork" + (forks == 1 ? "" : "s") + " x " + warmup + "+" + measurement + " x 200 ms"
                + (baselineForks == forks ? "" : "; baseline recorded with " + baselineForks + " forks") + ")";
    }
}
