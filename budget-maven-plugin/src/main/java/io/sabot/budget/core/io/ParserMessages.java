package io.sabot.budget.core.io;

import java.util.regex.Pattern;

/**
 * Turns YAML and JSON library messages into sentences for a person editing the file: the first line only,
 * no Java class names, and plain words for the errors a budget file typically has.
 */
final class ParserMessages {

    /** Jackson's "[Source: REDACTED (`StreamReadFeature...` disabled); line: 3, column: 5]". */
    private static final Pattern SOURCE_REFERENCE = Pattern.compile("\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]");
    /** Jackson's "(not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser)". */
    private static final Pattern FEATURE_NOTE = Pattern.compile("\\s*\\([^()]*Feature[^()]*\\)");
    /** Jackson's ": enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow". */
    private static final Pattern FEATURE_ADVICE = Pattern.compile("[:;,]?\\s*enable `[^`]*`( to allow\\w*)?");
    private static final Pattern LIBRARY_OBJECT = Pattern.compile("<?\\b(?:org\\.yaml|com\\.fasterxml|java\\.)[\\w.$]*(?:\\([^)]*\\))?>?");

    private ParserMessages() {
    }

    static String plain(String message) {
        if (message == null || message.isBlank()) {
            return "invalid YAML";
        }
        String first = message.strip().lines().findFirst().orElse("invalid YAML");
        if (first.startsWith("Expected a field name")) {
            return "a key must be a single word or quoted text, not a list or a mapping";
        }
        if (first.startsWith("Trailing token")) {
            return "content after the end of the document (two files joined into one?)";
        }
        if (first.startsWith("Duplicate field ")) {
            int end = first.indexOf('\'', "Duplicate field '".length());
            return end < 0 ? "duplicate field" : "duplicate field " + first.substring("Duplicate field ".length(), end + 1);
        }
        if (first.contains("nesting depth") || first.contains("Nesting Depth")) {
            return "nested deeper than a budget file can be";
        }
        String cleaned = SOURCE_REFERENCE.matcher(first).replaceAll("line $1, column $2");
        cleaned = FEATURE_NOTE.matcher(cleaned).replaceAll("");
        cleaned = FEATURE_ADVICE.matcher(cleaned).replaceAll("");
        cleaned = LIBRARY_OBJECT.matcher(cleaned).replaceAll("").replace("Exception", "error");
        cleaned = cleaned.replaceAll("\\s+", " ").replaceAll("\\(\\s*\\)", "").strip();
        return cleaned.isEmpty() ? "invalid YAML" : cleaned;
    }
}
