package io.sabot.budget.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The core must stay usable without Maven: no class under io.sabot.budget.core may use Maven's API. */
class CoreHasNoMavenDependencyTest {

    @Test
    void noCoreSourceReferencesOrgApacheMaven() throws IOException {
        Path core = Path.of("src/main/java/io/sabot/budget/core");
        assertThat(core).isDirectory();
        List<Path> offenders;
        try (Stream<Path> files = Files.walk(core)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(CoreHasNoMavenDependencyTest::mentionsMaven)
                    .toList();
        }
        assertThat(offenders).as("core classes that reference org.apache.maven").isEmpty();
    }

    private static boolean mentionsMaven(Path file) {
        try {
            return Files.readString(file).contains("org.apache.maven");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
