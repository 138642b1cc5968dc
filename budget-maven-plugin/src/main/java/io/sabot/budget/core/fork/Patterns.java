package io.sabot.budget.core.fork;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Converts the includes/excludes people write into the regexes JMH takes. A value starting with
 * {@code regex:} is used as is; anything else is a glob ({@code *} and {@code ?}) matched anywhere
 * in the fully qualified benchmark name, like JMH's own substring matching.
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
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }
}
