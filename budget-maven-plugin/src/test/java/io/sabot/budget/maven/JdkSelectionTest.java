package io.sabot.budget.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which java runs the benchmarks: jvm, then jdkToolchain, then the toolchains plugin's JDK, then Maven's. */
class JdkSelectionTest {

    @TempDir
    Path dir;

    private Path explicit;
    private Path temurin25;
    private Path selectedByPlugin;
    private final List<Map<String, String>> asked = new ArrayList<>();
    private Optional<Path> pluginSelection = Optional.empty();

    private final JdkToolchains toolchains = new JdkToolchains() {
        @Override
        public List<Path> matching(Map<String, String> requirements) {
            asked.add(requirements);
            return "25".equals(requirements.get("version")) && !"oracle".equals(requirements.get("vendor"))
                    ? List.of(temurin25) : List.of();
        }

        @Override
        public Optional<Path> selected() {
            return pluginSelection;
        }

        @Override
        public List<String> known() {
            return List.of("JDK[" + temurin25.getParent().getParent() + "]");
        }
    };

    private Path java(String home) throws Exception {
        Path java = dir.resolve(home).resolve("bin").resolve("java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return java;
    }

    @BeforeEach
    void jdks() throws Exception {
        explicit = java("explicit");
        temurin25 = java("temurin-25");
        selectedByPlugin = java("plugin");
    }

    @Test
    void anExplicitJvmWinsOverEverything() throws Exception {
        pluginSelection = Optional.of(selectedByPlugin);
        JdkSelection.Selected selected = new JdkSelection(toolchains).single(dir.resolve("explicit").toFile(), Map.of("version", "25"));
        assertThat(selected.java()).isEqualTo(explicit);
        assertThat(selected.source()).isEqualTo("<jvm>");
        assertThat(asked).as("the toolchains are not even consulted").isEmpty();
    }

    @Test
    void jdkToolchainWinsOverThePluginsSelectionWhichWinsOverMavensJvm() throws Exception {
        pluginSelection = Optional.of(selectedByPlugin);
        JdkSelection selection = new JdkSelection(toolchains);
        assertThat(selection.single(null, Map.of("version", "25")).java()).isEqualTo(temurin25);
        assertThat(selection.single(null, Map.of()).java()).isEqualTo(selectedByPlugin);
        pluginSelection = Optional.empty();
        assertThat(selection.single(null, null).java()).isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java"));
        assertThat(selection.single(null, null).source()).isEqualTo("the JVM running Maven");
    }

    @Test
    void noMatchingToolchainSaysWhatToAddToToolchainsXml() {
        assertThatThrownBy(() -> new JdkSelection(toolchains).single(null, Map.of("version", "25", "vendor", "oracle")))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("No JDK toolchain matches {vendor=oracle, version=25} (<jdkToolchain>)")
                .hasMessageContaining("Maven knows: JDK[" + dir.resolve("temurin-25") + "]")
                .hasMessageContaining("~/.m2/toolchains.xml")
                .hasMessageContaining("mvn -t <file>")
                .hasMessageContaining("<type>jdk</type>")
                .hasMessageContaining("<version>25</version>")
                .hasMessageContaining("<vendor>oracle</vendor>")
                .hasMessageContaining("<jdkHome>");
    }

    @Test
    void aJdksEntryIsAPathOrToolchainRequirements() throws Exception {
        JdkSelection selection = new JdkSelection(toolchains);
        assertThat(selection.entry(dir.resolve("explicit").toString())).isEqualTo(explicit);
        assertThat(selection.entry(explicit.toString())).isEqualTo(explicit);
        assertThat(selection.entry("version=25; vendor=temurin")).isEqualTo(temurin25);
        assertThat(asked).containsExactly(Map.of("version", "25", "vendor", "temurin"));
        assertThatThrownBy(() -> selection.entry("version=17")).hasMessageContaining("<jdks> (-Dbudget.jdks) entry 'version=17'")
                .hasMessageContaining("~/.m2/toolchains.xml");
        assertThatThrownBy(() -> selection.entry(dir.resolve("nowhere").toString()))
                .hasMessageContaining("neither a java executable nor a JDK home with bin/java");
        assertThatThrownBy(() -> JdkSelection.requirements("version=25;vendor")).hasMessageContaining("'vendor' is not a requirement key=value");
    }

    @Test
    void aJvmThatIsNoJavaIsRefusedNamingTheParameter() {
        File nowhere = dir.resolve("nowhere").toFile();
        assertThatThrownBy(() -> new JdkSelection(toolchains).single(nowhere, null))
                .hasMessage("<jvm> (-Dbudget.jvm) is " + nowhere + ", which is neither a java executable nor a JDK home with bin/java");
    }
}
