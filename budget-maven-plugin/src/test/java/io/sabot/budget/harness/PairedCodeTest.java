package io.sabot.budget.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairedCodeTest {

    @TempDir
    Path dir;

    @Test
    void theTwoSidesDifferInExactlyTheirFirstClasspathEntry() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("test-classes"));
        Path jmh = dir.resolve("jmh-core.jar");
        PairedCode code = new PairedCode(dir.resolve("code"), List.of(classes, jmh));
        List<Path> baseline = code.classpath(0);
        List<Path> slower = code.classpath(0.15);
        assertThat(baseline).hasSize(3);
        assertThat(baseline.subList(1, 3)).containsExactly(classes, jmh).isEqualTo(slower.subList(1, 3));
        assertThat(baseline.get(0)).isNotEqualTo(slower.get(0));
        assertThat(slower.get(0).getFileName().toString()).isEqualTo("slowdown-0.15");
    }

    @Test
    void theFixtureReadsEachSidesSlowdownFromItsClasspath() throws Exception {
        PairedCode code = new PairedCode(dir.resolve("code"), List.of());
        for (double slowdown : new double[] {0, 0.05, 0.25}) {
            Path side = code.classpath(slowdown).get(0);
            try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {side.toUri().toURL()}, null)) {
                assertThat(WorkSize.configuredSlowdown(null, loader.getResource(WorkSize.RESOURCE))).isEqualTo(slowdown);
            }
        }
    }

    @Test
    void theSystemPropertyOfTheStoredPoolsStillWins() throws Exception {
        Path side = new PairedCode(dir.resolve("code"), List.of()).classpath(0.25).get(0);
        java.net.URL resource = side.resolve(WorkSize.RESOURCE).toUri().toURL();
        assertThat(WorkSize.configuredSlowdown("0.10", resource)).isEqualTo(0.10);
        assertThat(WorkSize.configuredSlowdown(" ", resource)).isEqualTo(0.25);
        assertThat(WorkSize.configuredSlowdown(null, null)).isZero();
        Files.writeString(side.resolve(WorkSize.RESOURCE), "other=1\n");
        assertThatThrownBy(() -> WorkSize.configuredSlowdown(null, resource)).hasMessageContaining("no 'slowdown' entry");
    }

    @Test
    void aFixtureClasspathThatSetsTheSlowdownItselfIsRefused() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.writeString(classes.resolve(WorkSize.RESOURCE), "slowdown=0.1\n");
        assertThatThrownBy(() -> new PairedCode(dir.resolve("code"), List.of(classes))).hasMessageContaining("both sides");
        assertThatThrownBy(() -> PairedCode.label(1.5)).hasMessageContaining("between 0 and 1");
    }

    @Test
    void theCpuLoadIsPinnedWhenTasksetExists() {
        assertThat(CpuLoad.command(true, 1)).containsExactly("taskset", "-c", "1", "sh", "-c", CpuLoad.LOOP);
        assertThat(CpuLoad.command(false, 1)).containsExactly("sh", "-c", CpuLoad.LOOP);
    }
}
