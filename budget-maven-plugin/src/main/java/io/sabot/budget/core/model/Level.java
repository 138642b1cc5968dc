package io.sabot.budget.core.model;

import java.util.Locale;

/** What a failed check does to the build. */
public enum Level {
    /** Fails the build (unless failOnViolation is false). */
    ERROR,
    /** Reported as a warning only. */
    WARN;

    public static Level parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "error" -> ERROR;
            case "warn", "warning" -> WARN;
            default -> throw new IllegalArgumentException("level must be 'error' or 'warn', not '" + text + "'");
        };
    }

    public String yamlName() {
        return this == ERROR ? "error" : "warn";
    }
}
