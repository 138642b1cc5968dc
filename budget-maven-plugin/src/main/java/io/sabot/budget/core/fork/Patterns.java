package io.sabot.budget.core.fork;

import io.sabot.budget.core.model.BenchmarkPattern;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Converts the includes/excludes people write into the regexes JMH takes. A value starting with
 * {@code regex:} is used as is (JMH looks for it anywhere in the fully qualified benchmark name);
 * anything else is a glob in the budget file's dialect ({@link BenchmarkPattern}): {@code *} and
 * {@code ?} over the whole fully qualified name, or over a suffix after a dot when the glob does not
 * start with {@code *}. An include selects exactly the benchmarks a budget with the same pattern
 * applies to.
 */
public final class Patterns {

    private Patterns() {
    }

    public static String toJmhRegex(String pattern) {
        if (pattern.startsWith("regex:")) {
            String regex = pattern.substring("regex:".length());
            try {
                Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("invalid regex '" + regex + "': " + e.getDescription());
            }
            return regex;
        }
        return BenchmarkPattern.glob(pattern).toRegex();
    }

    /** The JMH regex that selects exactly the benchmark {@code name} (confirmation, adaptive and paired reruns). */
    public static String exact(String name) {
        return "^" + Pattern.quote(name) + "$";
    }
}
