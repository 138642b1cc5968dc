package io.sabot.budget.harness;

import io.sabot.budget.core.model.Verdict;

/** Counts of one rule's verdicts over many builds: per build (any FAIL, any INCONCLUSIVE) and per benchmark. */
final class VerdictTally {

    private int builds;
    private int failedBuilds;
    private int inconclusiveBuilds;
    private long benchmarks;
    private long fails;
    private long inconclusives;

    void add(BuildVerdicts build) {
        builds++;
        if (build.failed()) {
            failedBuilds++;
        }
        if (build.anyInconclusive()) {
            inconclusiveBuilds++;
        }
        benchmarks += build.verdicts().size();
        fails += build.count(Verdict.FAIL);
        inconclusives += build.count(Verdict.INCONCLUSIVE);
    }

    int builds() {
        return builds;
    }

    int failedBuilds() {
        return failedBuilds;
    }

    long benchmarks() {
        return benchmarks;
    }

    long fails() {
        return fails;
    }

    long inconclusives() {
        return inconclusives;
    }

    /** Share of builds with at least one FAIL: the false-fail rate of A/A builds. */
    double buildFailRate() {
        return rate(failedBuilds, builds);
    }

    /** Share of builds with at least one INCONCLUSIVE. */
    double buildInconclusiveRate() {
        return rate(inconclusiveBuilds, builds);
    }

    /** Share of benchmark checks that FAIL: the detection rate of A/B builds. */
    double benchmarkFailRate() {
        return rate(fails, benchmarks);
    }

    double benchmarkInconclusiveRate() {
        return rate(inconclusives, benchmarks);
    }

    private static double rate(long count, long total) {
        return total == 0 ? Double.NaN : count / (double) total;
    }
}
