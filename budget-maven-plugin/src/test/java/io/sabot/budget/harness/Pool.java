package io.sabot.budget.harness;

import java.util.List;
import java.util.Locale;

/**
 * One JMH run of the fixture at one injected slowdown: {@code forks} forks of every benchmark, each
 * fork measuring {@code iterations} iterations with no JMH warmup, so that any build's warmup and
 * measurement iterations can later be cut from the same fork (see {@link BuildSettings#slice}).
 *
 * @param name     directory name of the pool's results, e.g. "baseline-a" or "slower-15"
 * @param slowdown the injected extra work as a fraction (0 for the unchanged code)
 */
record Pool(String name, double slowdown, int forks, int iterations) {

    Pool {
        if (!name.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("pool name must be lower-case letters, digits and '-', not '" + name + "'");
        }
        if (slowdown < 0 || slowdown > 1) {
            throw new IllegalArgumentException("slowdown must be a fraction between 0 and 1, not " + slowdown);
        }
        if (forks < 1 || iterations < 1) {
            throw new IllegalArgumentException("a pool needs at least one fork and one iteration, not " + forks + " x " + iterations);
        }
    }

    /**
     * The order pools are measured in: the baseline first, the changed code, the unchanged code again
     * last. The first baseline serves every setting (and A/A builds within one session), so it is the
     * largest: three groups of three forks (baseline, current, confirmation) with one to spare. The
     * pools behind the targets (+10%, +15%) and the late baseline hold two groups of three (a build and
     * its confirmation); +5% and +25% only one.
     */
    static List<Pool> plan(int iterations) {
        return List.of(
                new Pool("baseline-a", 0, 10, iterations),
                new Pool("slower-05", 0.05, 3, iterations),
                new Pool("slower-10", 0.10, 6, iterations),
                new Pool("slower-15", 0.15, 6, iterations),
                new Pool("slower-25", 0.25, 3, iterations),
                new Pool("baseline-b", 0, 6, iterations));
    }

    String slowdownLabel() {
        return slowdown == 0 ? "none" : String.format(Locale.ROOT, "+%.0f%%", slowdown * 100);
    }
}
