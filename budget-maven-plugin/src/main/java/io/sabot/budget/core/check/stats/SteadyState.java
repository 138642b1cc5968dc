package io.sabot.budget.core.check.stats;

import io.sabot.budget.core.model.Direction;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Where one fork's warm-up ends: the first measurement iteration from which the fork is steady.
 *
 * <p><b>Why.</b> JMH's warm-up is a fixed number of iterations. When it is too short (quick mode: two
 * of 200 ms) a fork is still being compiled while it is measured: its first measured iterations are
 * slower, its last ones are the steady state, and forks differ by how much warm-up each happened to
 * keep. Barrett et al. ("Virtual machine warmup blows hot and cold", OOPSLA 2017) and Traini et al.
 * ("Towards effective assessment of steady state performance in Java software", TSE 2022) classify
 * such forks with change-point analysis; Laaber et al. ("Dynamically reconfiguring software
 * microbenchmarks", FSE 2020) end warm-up once the iterations stop changing. A fork here has 3 to 10
 * iterations, too few for a penalised change-point search, so the rule is a single change point at
 * the front with robust margins, on the log scale, where a difference is a ratio whatever the unit.
 *
 * <p><b>The rule.</b> Iterations become "slowness" {@code s = ln(time per op)} or {@code -ln(throughput)}
 * (larger is slower in both). For {@code k = 0, 1, ...} the fork is steady from iteration {@code k}
 * when, with {@code T} the iterations kept from {@code k} on:
 * <ol>
 *   <li>the first kept iteration is not slower than the median of the ones after it by more than the
 *       margin (it is not itself still warming up);</li>
 *   <li>{@code T} does not keep getting faster: its Theil-Sen slope (the median of all pairwise slopes,
 *       robust to a stray iteration) times its length is at most the margin, or the Mann-Kendall test
 *       finds no falling trend at 5% (one-sided). A trend must be both large and consistent;</li>
 *   <li>every dropped iteration is slower than the median of {@code T} by more than the margin.</li>
 * </ol>
 * The margin is {@code max(3 sigma, ln 1.05)}, Hampel's outlier identifier made one-sided. Sigma is
 * the benchmark's iteration noise ({@link #noise}), pooled over its forks in the baseline and the
 * current run, from the last half of each fork, which is never dropped: three iterations cannot tell
 * their own noise from a warm-up, and noise taken from the iterations being judged would let a
 * second warm-up iteration among them pass for noise and hide the first. The 5% floor: a warm-up
 * smaller than half the default regression threshold is not worth an iteration, and without a noise
 * estimate (identical values, or a fork of three alone) it is the only guard. The smallest such
 * {@code k} wins; at most half of the iterations are dropped (so at least three are kept from five
 * on, two of three or four). A fork for which no {@code k} qualifies <em>never settled</em>: it is
 * kept whole and reported with the Theil-Sen slope of the part that would have been kept at the
 * most. A fork of one or two iterations, or with a value that is not positive, is not judged.
 *
 * <p>For {@code 13, 12, 7, 6, 6, 6} (ns/op) the rule keeps {@code 6, 6, 6}: the 7 is 17% slower than
 * the three 6s after it, which do not vary at all, so it is still warm-up; {@code 7, 6, 6, 6} is kept
 * only when the steady iterations vary by several percent, so that a 7 is within their noise.
 *
 * <p><b>Why it cannot hide a regression.</b> It drops only <em>leading</em> iterations, only when each
 * is <em>slower</em> than the steady part by more than its noise, and at most half of a fork. A fork
 * that is faster at first ({@code 5, 5, 9, 9, 9}) or slows down later is kept whole, so a slowdown of
 * the steady state stays in the data; so does a fork that never settles. The same rule, with the same
 * noise, is applied to the baseline and to the current run, so a benchmark is compared steady state
 * against steady state. What it does hide, by design, is a change in how long warm-up takes: a JMH
 * benchmark measures the steady state, and so does the gate.
 *
 * <p><b>Errors</b> (simulated: 4,000 benchmarks of independent log-normal iteration noise, each with
 * forks in the current run and the baseline; {@code SteadyStateTest} keeps a smaller version). Steady
 * forks with 1% noise are never trimmed; with 5% noise 7% of 3-iteration forks (1 + 3 forks) and 4%
 * of 5-iteration forks (2 + 2) lose a first iteration that was slow by chance, which moves a fork
 * mean by a fraction of its noise and is as likely on both sides; under 2% are called never settled.
 * A first iteration 30% slow is dropped in 98-99% of forks with 2% noise and 88-91% with 5%; 15%
 * slow in 97-98% and 51-58%. Quick builds simulated through {@code BudgetEvaluator} (20 benchmarks,
 * one fork against a baseline of three, 3 iterations, 3% fork and 1% iteration noise, 70% of forks
 * starting 20-120% slow): without the trim 8 of 500 checks of a 20% slowdown failed and 2 of 1,500
 * unchanged ones passed, the rest undecided; with it 450 failed and 266 passed. Unchanged checks
 * failed 3 times in 6,000 with warm-up and trim, 4 times in 6,000 without any warm-up.
 */
public final class SteadyState {

    /** Robust standard deviations a dropped iteration must lie above the steady part (Hampel's 3). */
    static final double NOISE_SDS = 3;
    /** The smallest warm-up worth dropping: 5% slower, on the log scale. */
    static final double MIN_STEP = Math.log(1.05);
    /** One-sided level of the Mann-Kendall test a falling trend must pass besides its size. */
    static final double TREND_ALPHA = 0.05;
    private static final double MAD_TO_SD = 1.4826;

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private SteadyState() {
    }

    /**
     * @param dropped            leading iterations that are still warm-up (0 when steady throughout, or never settled)
     * @param settled            false when the fork kept warming up for longer than the most that may be dropped
     * @param changePerIteration relative change of the metric's value per iteration (Theil-Sen) over the
     *                           iterations judged: the kept ones, or the last half of a fork that never settled;
     *                           -0.12 is a time falling 12% per iteration, +0.12 a throughput rising 12%
     */
    public record Fork(int dropped, boolean settled, double changePerIteration) {

        static final Fork UNJUDGED = new Fork(0, true, 0);
    }

    /** {@link #of(double[], Direction, double)} with no noise known: the margin is the 5% floor. */
    public static Fork of(double[] iterations, Direction direction) {
        return of(iterations, direction, 0);
    }

    /**
     * The leading iterations of one fork that are still warm-up.
     *
     * @param direction which way is faster
     * @param noise     the benchmark's iteration noise as a robust standard deviation on the log scale
     *                  ({@link #noise}, over this fork and the benchmark's others); 0 when unknown
     */
    public static Fork of(double[] iterations, Direction direction, double noise) {
        int n = iterations.length;
        if (n < 3) {
            return Fork.UNJUDGED;
        }
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(iterations[i] > 0) || !Double.isFinite(iterations[i])) {
                return Fork.UNJUDGED;
            }
            s[i] = direction == Direction.LOWER_IS_BETTER ? Math.log(iterations[i]) : -Math.log(iterations[i]);
        }
        int most = mostDropped(n);
        double sigma = Double.isFinite(noise) ? Math.max(0, noise) : 0;
        for (int k = 0; k <= most; k++) {
            if (steadyFrom(s, k, sigma)) {
                return new Fork(k, true, change(theilSen(Arrays.copyOfRange(s, k, n)), direction));
            }
        }
        return new Fork(0, false, change(theilSen(Arrays.copyOfRange(s, most, n)), direction));
    }

    /**
     * The iteration noise of a benchmark's forks, on the log scale: from the successive differences
     * within each fork's last part (the iterations the rule can never drop, so warm-up hardly enters),
     * 1.4826 x their median absolute deviation around their median, over the square root of two (a
     * difference holds the noise of two iterations; centring on the median keeps a common trend out).
     * Pooled over forks, and by the caller over the baseline's and the current run's forks of the same
     * benchmark: a fork of three iterations cannot tell its own noise from a 5% warm-up, twelve
     * differences can. Forks with a value that is not positive are left out; 0 with fewer than two differences.
     */
    public static double noise(List<double[]> forks) {
        // Loops and one array, not streams and boxed doubles: every benchmark of a build passes here twice.
        int count = 0;
        for (double[] fork : forks) {
            if (allPositive(fork)) {
                count += Math.max(0, fork.length - mostDropped(fork.length) - 1);
            }
        }
        if (count < 2) {
            return 0;
        }
        double[] d = new double[count];
        int at = 0;
        for (double[] fork : forks) {
            if (!allPositive(fork)) {
                continue;
            }
            for (int i = mostDropped(fork.length) + 1; i < fork.length; i++) {
                d[at++] = Math.log(fork[i]) - Math.log(fork[i - 1]);
            }
        }
        double center = median(d);
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.abs(d[i] - center);
        }
        return MAD_TO_SD * median(d) / Math.sqrt(2);
    }

    /** At most half of the iterations: at least three are kept from five on, two of three or four. */
    static int mostDropped(int iterations) {
        return iterations / 2;
    }

    private static boolean steadyFrom(double[] s, int k, double sigma) {
        double[] kept = Arrays.copyOfRange(s, k, s.length);
        double[] rest = Arrays.copyOfRange(kept, 1, kept.length);
        double margin = Math.max(NOISE_SDS * sigma, MIN_STEP);
        if (kept[0] - median(rest) > margin) {
            return false;
        }
        if (-theilSen(kept) * (kept.length - 1) > margin && fallingTrendP(kept) < TREND_ALPHA) {
            return false;
        }
        double level = median(kept);
        for (int j = 0; j < k; j++) {
            if (s[j] - level <= margin) {
                return false;
            }
        }
        return true;
    }

    /** The median of the pairwise slopes (Sen 1968); 0 for fewer than two values. */
    static double theilSen(double[] values) {
        int n = values.length;
        if (n < 2) {
            return 0;
        }
        double[] slopes = new double[n * (n - 1) / 2];
        int p = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                slopes[p++] = (values[j] - values[i]) / (j - i);
            }
        }
        return median(slopes);
    }

    /**
     * One-sided p-value of the Mann-Kendall test that {@code values} fall: S, the number of later values
     * above an earlier one minus those below (ties count 0), against its null variance
     * {@code m(m-1)(2m+5)/18}, with a continuity correction. Within 0.005 of the exact permutation
     * p-value at the 5% level from four values on; three values cannot reach it (exactly 1/6 at best).
     */
    static double fallingTrendP(double[] values) {
        int m = values.length;
        if (m < 3) {
            return 1;
        }
        long score = 0;
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                score += Double.compare(values[j], values[i]) > 0 ? 1 : values[j] < values[i] ? -1 : 0;
            }
        }
        double sd = Math.sqrt(m * (m - 1.0) * (2 * m + 5) / 18);
        double z = (score + 1) / sd;
        return NORMAL.cumulativeProbability(z);
    }

    /** Every value positive and finite: a fork whose logarithms exist. */
    private static boolean allPositive(double[] fork) {
        for (double v : fork) {
            if (!(v > 0) || !Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** A slope of slowness per iteration as the relative change of the metric's own values. */
    private static double change(double slownessSlope, Direction direction) {
        return Math.exp(direction == Direction.LOWER_IS_BETTER ? slownessSlope : -slownessSlope) - 1;
    }
}
