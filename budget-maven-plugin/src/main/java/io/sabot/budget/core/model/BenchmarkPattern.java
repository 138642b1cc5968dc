package io.sabot.budget.core.model;

import java.util.regex.Pattern;

/**
 * A benchmark name pattern from a budget file: a glob ({@code *} any characters, {@code ?} one)
 * matched against the fully qualified benchmark name. A pattern without a package also matches on a
 * dot boundary, so {@code MemoryStateBenchmark.get} matches {@code io.x.MemoryStateBenchmark.get}.
 */
public final class BenchmarkPattern {

    private final String text;
    private final Pattern regex;

    private BenchmarkPattern(String text, Pattern regex) {
        this.text = text;
        this.regex = regex;
    }

    public static BenchmarkPattern glob(String glob) {
        if (glob == null || glob.isBlank()) {
            throw new IllegalArgumentException("benchmark pattern must not be empty");
        }
        StringBuilder re = new StringBuilder("(?:.*\\.)?");
        if (glob.startsWith("*")) {
            re.setLength(0);
        }
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new BenchmarkPattern(glob, Pattern.compile(re.toString()));
    }

    public boolean matches(String benchmark) {
        return regex.matcher(benchmark).matches();
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
