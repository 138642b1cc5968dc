package io.sabot.budget.core.io;

import java.util.regex.Pattern;

/**
 * Turns YAML library messages into sentences for a person editing the file: the first line only,
 * no Java class names, and plain words for the errors a budget file typically has.
 */
final class YamlMessages {

    private static final Pattern LIBRARY_OBJECT = Pattern.compile("<?\\b(?:org\\.yaml|com\\.fasterxml|java\\.)[\\w.$]*(?:\\([^)]*\\))?>?");

    private YamlMessages() {
    }

    static String plain(String message) {
        if (message == null || message.isBlank()) {
            return "invalid YAML";
        }
        String first = message.strip().lines().findFirst().orElse("invalid YAML");
        if (first.startsWith("Expected a field name")) {
            return "a key must be a single word or quoted text, not a list or a mapping";
        }
        if (first.contains("nesting depth") || first.contains("Nesting Depth")) {
            return "nested deeper than a budget file can be";
        }
        String cleaned = LIBRARY_OBJECT.matcher(first).replaceAll("").replace("Exception", "error");
        cleaned = cleaned.replaceAll("\\s+", " ").replaceAll("\\(\\s*\\)", "").strip();
        return cleaned.isEmpty() ? "invalid YAML" : cleaned;
    }
}
