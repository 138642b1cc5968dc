package io.sabot.budget.core.paired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The classpath record of a finished baseline build, reused by later paired runs. */
class GitBaselineBuilderClasspathTest {

    @TempDir
    Path dir;

    @Test
    void aRecordedClasspathIsReadLineByLine() throws Exception {
        Path file = dir.resolve("classpath.txt");
        Files.writeString(file, "/a/test-classes\n\n/a/classes\n");
        assertThat(GitBaselineBuilder.readClasspath(file)).containsExactly(Path.of("/a/test-classes"), Path.of("/a/classes"));
    }

    @Test
    void anEmptyRecordSaysWhatToDeleteInsteadOfFailingInside() throws Exception {
        // Was an IllegalArgumentException from BaselineCode ("the baseline code's classpath is empty"): an internal error.
        Path file = Files.createDirectories(dir.resolve("1a2b3c4d5e6f")).resolve("classpath.txt");
        Files.writeString(file, "\n");
        assertThatThrownBy(() -> GitBaselineBuilder.readClasspath(file)).isInstanceOf(BaselineCodeException.class)
                .hasMessageContaining("is empty").hasMessageContaining("Delete " + file.getParent() + " to rebuild");
    }
}
