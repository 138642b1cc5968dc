package io.sabot.budget.core.paired;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MavenLauncherTest {

    @Test
    void theBaselineBuildGetsWhereThisBuildTakesArtifactsFrom() {
        MavenLauncher maven = MavenLauncher.at(Path.of("/opt/maven"), true, Optional.of(Path.of("/home/u/settings.xml")),
                Optional.empty(), Optional.of(Path.of("/tmp/repo")), "org.apache.maven.plugins:maven-dependency-plugin:3.8.1",
                Map.of("maven.repo.local.tail", "/home/u/.m2/repository", "maven.repo.local.tail.ignoreAvailability", "true"));

        assertThat(maven.command()).containsExactly(Path.of("/opt/maven/bin/mvn").toString(), "-B", "-o",
                "-s", Path.of("/home/u/settings.xml").toString(), "-Dmaven.repo.local=" + Path.of("/tmp/repo"),
                "-Dmaven.repo.local.tail=/home/u/.m2/repository", "-Dmaven.repo.local.tail.ignoreAvailability=true");
    }

    @Test
    void onlyTheLocalRepositorysTailIsARepositoryProperty() {
        assertThat(MavenLauncher.isRepositoryProperty("maven.repo.local.tail")).isTrue();
        assertThat(MavenLauncher.isRepositoryProperty("maven.repo.local.tail.ignoreAvailability")).isTrue();
        assertThat(MavenLauncher.isRepositoryProperty("budget.against")).isFalse();
        assertThat(MavenLauncher.isRepositoryProperty("skipTests")).isFalse();
    }
}
