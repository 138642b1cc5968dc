package io.sabot.budget.core.model;

/**
 * A benchmark name pattern from a budget file: a glob ({@code *} any characters, {@code ?} one)
 * matched against the fully qualified benchmark name. A pattern without a package also matches on a
 * dot boundary, so {@code MemoryStateBenchmark.get} matches {@code io.x.MemoryStateBenchmark.get}.
 *
 * <p>Matched by a linear wildcard scan, not a regular expression: a glob such as
 * {@code *a*a*a*a*a*a*a*a*b} compiled to {@code .*a.*a...} backtracks exponentially and hung the
 * build (found by the budget file fuzzer).
 */
public final class BenchmarkPattern {

    private final String text;

    private BenchmarkPattern(String text) {
        this.text = text;
    }

    public static BenchmarkPattern glob(String glob) {
        if (glob == null || glob.isBlank()) {
            throw new IllegalArgumentException("benchmark pattern must not be empty");
        }
        return new BenchmarkPattern(glob);
    }

    public boolean matches(String benchmark) {
        if (matchesFrom(benchmark, 0)) {
            return true;
        }
        if (text.startsWith("*")) {
            return false; // already matches any prefix
        }
        for (int dot = benchmark.indexOf('.'); dot >= 0; dot = benchmark.indexOf('.', dot + 1)) {
            if (matchesFrom(benchmark, dot + 1)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the glob matches {@code name} from {@code start} to its end. On a mismatch only the
     * last {@code *} is retried one character further, which is enough for globs and bounds the work
     * by glob length times name length.
     */
    private boolean matchesFrom(String name, int start) {
        int g = 0;
        int i = start;
        int star = -1;
        int starAt = -1;
        while (i < name.length()) {
            if (g < text.length() && (text.charAt(g) == '?' || text.charAt(g) == name.charAt(i))) {
                g++;
                i++;
            } else if (g < text.length() && text.charAt(g) == '*') {
                star = g++;
                starAt = i;
            } else if (star >= 0) {
                g = star + 1;
                i = ++starAt;
            } else {
                return false;
            }
        }
        while (g < text.length() && text.charAt(g) == '*') {
            g++;
        }
        return g == text.length();
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
