package io.sabot.budget.core.check.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A paired round that lies far off its benchmark's other rounds: one fork of the pair ran while
 * something else had the core for most of it (the worst-iteration rule of {@link UndisturbedForkScore}
 * cannot see a fork disturbed throughout). Such a round is treated like a fork that crashed: left out
 * of the benchmark's evidence, with a note, instead of being averaged in, where one of them widened a
 * +15% benchmark's interval across the threshold or took it out of the build's pooled variance.
 *
 * <p>"Far" is measured against the build, not the benchmark: the robust spread of every benchmark's
 * rounds around that benchmark's median (1.4826 times the median absolute deviation, the normal
 * scale), and a round is left out when it lies more than {@link #FAR} times that from its own
 * benchmark's median. At most one round per benchmark, and only with {@link #MIN_ROUNDS} or more: a
 * slowdown that shows in several rounds (a code change that makes a bad JIT outcome more frequent) is
 * evidence, not a disturbance, and stays in. The rule is symmetric (a round far too fast is left out
 * like one far too slow), so unchanged code stays centred on a ratio of 1.
 */
public final class DisturbedRound {

    /** Rounds a benchmark needs before one may be left out: with fewer, the median cannot tell which is off. */
    static final int MIN_ROUNDS = 4;
    /** How many robust standard deviations from its benchmark's median a round must lie to be left out. */
    static final double FAR = 4;

    private DisturbedRound() {
    }

    /**
     * The build's robust round spread: 1.4826 x the median absolute deviation of every round from its
     * benchmark's median, over the benchmarks with {@link #MIN_ROUNDS} rounds or more (a median round of
     * an odd count is its own median and tells nothing); NaN when there are none.
     */
    public static double scale(List<double[]> roundsOfEachBenchmark) {
        List<Double> deviations = new ArrayList<>();
        for (double[] d : roundsOfEachBenchmark) {
            if (d.length < MIN_ROUNDS) {
                continue;
            }
            double median = SteadyState.median(d);
            for (double x : d) {
                if (x != median) {
                    deviations.add(Math.abs(x - median));
                }
            }
        }
        if (deviations.isEmpty()) {
            return Double.NaN;
        }
        double[] all = new double[deviations.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = deviations.get(i);
        }
        return 1.4826 * SteadyState.median(all);
    }

    /** The round to leave out of {@code d} (its index), if one lies more than {@link #FAR} x {@code scale} from the median. */
    public static Optional<Integer> find(double[] d, double scale) {
        if (d.length < MIN_ROUNDS || !(scale > 0) || !Double.isFinite(scale)) {
            return Optional.empty();
        }
        double median = SteadyState.median(d);
        int farthest = 0;
        for (int i = 1; i < d.length; i++) {
            if (Math.abs(d[i] - median) > Math.abs(d[farthest] - median)) {
                farthest = i;
            }
        }
        return Math.abs(d[farthest] - median) > FAR * scale ? Optional.of(farthest) : Optional.empty();
    }

    /** {@code d} without round {@code index}. */
    public static double[] without(double[] d, int index) {
        double[] rest = new double[d.length - 1];
        System.arraycopy(d, 0, rest, 0, index);
        System.arraycopy(d, index + 1, rest, index, d.length - index - 1);
        return rest;
    }

    /** How far round {@code index} lies, in robust standard deviations of the build's rounds. */
    public static double distance(double[] d, int index, double scale) {
        return Math.abs(d[index] - SteadyState.median(d)) / scale;
    }
}
