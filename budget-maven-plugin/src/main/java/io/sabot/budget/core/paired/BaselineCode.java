package io.sabot.budget.core.paired;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The baseline side of a paired run: a classpath holding the benchmarks as they were, and how it was
 * obtained, as the reports name it.
 *
 * @param description e.g. {@code git:HEAD~1 (commit 1a2b3c4d5e6f)}, {@code artifact:io.x:bench:1.2.0}
 * @param classpath   the baseline benchmarks and their dependencies
 */
public record BaselineCode(String description, List<Path> classpath) {

    public BaselineCode {
        Objects.requireNonNull(description, "description");
        classpath = List.copyOf(classpath);
        if (classpath.isEmpty()) {
            throw new IllegalArgumentException("the baseline code's classpath is empty");
        }
    }
}
