package io.sabot.budget.core.check.stats;

import io.sabot.budget.core.model.Direction;
import java.util.Arrays;

/**
 * One fork's score in a paired comparison: the mean of its steady iterations without the worst one
 * (the slowest; for throughput the lowest), when three or more are left.
 *
 * <p>Why: whatever else runs on a shared machine (a neighbour's process, the OS, the other side's
 * JIT threads finishing) can only ever make an iteration worse, never better, so a fork's worst
 * iteration is the one most likely disturbed, and one disturbed iteration in three moves the fork's
 * mean by several percent. Both sides are scored by the same rule, so unchanged code stays centred on
 * a ratio of 1; what the pair compares is each side's cost without the disturbance, the number a
 * regression verdict is about. Replayed on the recorded verdict-quality builds (see
 * docs/verdict-quality.md), it halved the paired spread per round on a loaded machine. With one or two
 * steady iterations nothing is dropped: there is no majority to tell the disturbed one by. The reports'
 * per-round tables show the same scores, so the ratios a reader sees are the ones the verdict used.
 */
public final class UndisturbedForkScore {

    /** Fewer steady iterations than this are averaged whole. */
    static final int MIN_ITERATIONS_TO_DROP = 3;

    private UndisturbedForkScore() {
    }

    /** The score of one fork from its steady iterations; NaN when it has none. */
    public static double of(double[] iterations, Direction direction) {
        double[] kept = kept(iterations, direction);
        return mean(kept, kept.length);
    }

    /** The iterations the score averages: all of them, or all but the worst when three or more. */
    static double[] kept(double[] iterations, Direction direction) {
        if (iterations.length < MIN_ITERATIONS_TO_DROP) {
            return iterations.clone();
        }
        double[] sorted = iterations.clone();
        Arrays.sort(sorted);
        return direction == Direction.LOWER_IS_BETTER ? Arrays.copyOf(sorted, sorted.length - 1)
                : Arrays.copyOfRange(sorted, 1, sorted.length);
    }

    private static double mean(double[] values, int count) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += values[i];
        }
        return sum / count;
    }
}
