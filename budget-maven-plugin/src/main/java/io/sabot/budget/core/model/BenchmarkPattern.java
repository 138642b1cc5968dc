package io.sabot.budget.core.model;

/**
 * A benchmark name pattern from a budget file: a glob ({@code *} any characters, {@code ?} one)
 * matched against the fully qualified benchmark name. A pattern without a package also matches on a
 * dot boundary, so {@code MemoryStateBenchmark.get} matches {@code io.x.MemoryStateBenchmark.get}.
 *
 * <p>Matched by a linear wildcard scan, not a regular expression: a glob such as
 * {@code *a*a*a*a*a*a*a*a*b} compiled to {@code .*a.*a...} backtracks exponentially and hung the
 * build (found by the budget file fuzzer). Where a regular expression is needed (JMH's includes and
 * excludes), {@link #toRegex()} writes one that matches the same names without that backtracking.
 */
public final class BenchmarkPattern {

    private final String text;
    /**
     * The longest run of the glob without a wildcard: every name the glob matches contains it, and a
     * substring search (an intrinsic) rejects most names of a large suite before the wildcard scan, which
     * matters when a budget file of hundreds of globs meets thousands of benchmarks.
     */
    private final String required;

    private BenchmarkPattern(String text) {
        this.text = text;
        String longest = "";
        for (String run : text.split("[*?]")) {
            if (run.length() > longest.length()) {
                longest = run;
            }
        }
        this.required = longest;
    }

    public static BenchmarkPattern glob(String glob) {
        if (glob == null || glob.isBlank()) {
            throw new IllegalArgumentException("benchmark pattern must not be empty");
        }
        return new BenchmarkPattern(glob);
    }

    public boolean matches(String benchmark) {
        if (!benchmark.contains(required)) {
            return false;
        }
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

    /**
     * A regular expression that {@link java.util.regex.Matcher#find() finds} in exactly the names this
     * pattern {@link #matches}, for JMH's {@code -e} and include arguments (JMH looks for its regexes
     * anywhere in the name). Anchored at both ends; a pattern without a leading {@code *} may also
     * start after any dot. Each {@code *} between two literal parts takes the earliest occurrence of
     * the part after it, inside an atomic group, which is the scan of {@link #matches} and never
     * backtracks into an earlier {@code *}: the regex costs at most name length times pattern length
     * per start, where {@code .*a.*a...} cost exponential time.
     */
    public String toRegex() {
        String[] parts = text.split("\\*", -1);
        StringBuilder re = new StringBuilder(text.startsWith("*") ? "^" : "^(?:.*\\.)?");
        re.append(literal(parts[0]));
        for (int i = 1; i < parts.length - 1; i++) {
            if (!parts[i].isEmpty()) {
                re.append("(?>.*?").append(literal(parts[i])).append(')');
            }
        }
        if (parts.length > 1) {
            re.append(".*").append(literal(parts[parts.length - 1]));
        }
        return re.append('$').toString();
    }

    /** A part between stars: {@code ?} is any one character, everything else itself, quoted in readable runs. */
    private static String literal(String part) {
        StringBuilder re = new StringBuilder();
        int start = 0;
        for (int i = 0; i <= part.length(); i++) {
            if (i == part.length() || part.charAt(i) == '?') {
                if (i > start) {
                    re.append(java.util.regex.Pattern.quote(part.substring(start, i)));
                }
                if (i < part.length()) {
                    re.append('.');
                }
                start = i + 1;
            }
        }
        return re.toString();
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
