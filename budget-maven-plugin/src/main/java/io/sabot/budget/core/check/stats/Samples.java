package io.sabot.budget.core.check.stats;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.StatUtils;

/**
 * Measurements of one benchmark as JMH produced them: per fork, the score of every measurement
 * iteration. Forks are kept apart because two forks of the same code differ more than two
 * iterations of one fork (JIT decisions, memory layout): the fork is the unit of replication.
 */
public final class Samples {

    private final double[][] forks;

    public Samples(List<double[]> perFork) {
        if (perFork.isEmpty()) {
            throw new IllegalArgumentException("no samples: the result has no forks");
        }
        forks = new double[perFork.size()][];
        for (int f = 0; f < forks.length; f++) {
            double[] fork = perFork.get(f);
            if (fork.length == 0) {
                throw new IllegalArgumentException("fork " + (f + 1) + " has no iterations");
            }
            for (double v : fork) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("fork " + (f + 1) + " has a sample that is not a finite number: " + v);
                }
            }
            forks[f] = fork.clone();
        }
    }

    public int forkCount() {
        return forks.length;
    }

    public int count() {
        int n = 0;
        for (double[] fork : forks) {
            n += fork.length;
        }
        return n;
    }

    double[] fork(int index) {
        return forks[index];
    }

    /** The mean over all iterations, every iteration weighted equally (as JMH's score). */
    public double mean() {
        double[] all = new double[count()];
        int at = 0;
        for (double[] fork : forks) {
            System.arraycopy(fork, 0, all, at, fork.length);
            at += fork.length;
        }
        return StatUtils.mean(all);
    }

    public double[] forkMeans() {
        double[] means = new double[forks.length];
        for (int f = 0; f < forks.length; f++) {
            means[f] = Arrays.stream(forks[f]).average().orElseThrow();
        }
        return means;
    }
}
