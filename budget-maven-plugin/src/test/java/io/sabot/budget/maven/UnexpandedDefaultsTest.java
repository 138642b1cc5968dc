package io.sabot.budget.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Outside a project Maven leaves {@code ${project.basedir}} in the path defaults; they resolve to the working directory. */
class UnexpandedDefaultsTest {

    static final Path HERE = Path.of("/work/here");

    @Test
    void theStubProjectsBuildDirectoryIsTargetInTheWorkingDirectory() {
        // What Maven 3.9 passes for ${project.build.directory}/budget without a pom.
        assertThat(AbstractBudgetMojo.unexpandedDefault(new File("/work/here/${project.basedir}/target/budget"), HERE))
                .isEqualTo(Path.of("/work/here/target/budget"));
        assertThat(AbstractBudgetMojo.unexpandedDefault(new File("${project.build.directory}/budget/results.json"), HERE))
                .isEqualTo(Path.of("/work/here/target/budget/results.json"));
        assertThat(AbstractBudgetMojo.unexpandedDefault(new File("/work/here/${project.basedir}/performance-budgets.yml"), HERE))
                .isEqualTo(Path.of("/work/here/performance-budgets.yml"));
    }

    @Test
    void aPathGivenExplicitlyIsLeftAlone() {
        assertThat(AbstractBudgetMojo.unexpandedDefault(new File("/work/here/out"), HERE)).isEqualTo(Path.of("/work/here/out"));
        assertThat(AbstractBudgetMojo.unexpandedDefault(new File("relative/out"), HERE)).isEqualTo(Path.of("relative/out"));
    }
}
