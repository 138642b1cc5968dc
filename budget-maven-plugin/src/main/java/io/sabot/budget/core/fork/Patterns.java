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
        StringBuilder literal = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*' || c == '?') {
                flushLiteral(re, literal);
                re.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        flushLiteral(re, literal);
        return re.toString();
    }

    /** Quotes a run of literal characters as one block, so the regex stays readable in messages. */
    private static void flushLiteral(StringBuilder re, StringBuilder literal) {
        if (literal.length() > 0) {
            re.append(Pattern.quote(literal.toString()));
            literal.setLength(0);
        }
    }
}
