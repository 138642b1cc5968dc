package io.sabot.budget.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.toolchain.Toolchain;
import org.apache.maven.toolchain.ToolchainManager;

/**
 * The JDK toolchains Maven knows ({@code ~/.m2/toolchains.xml}, {@code mvn -t <file>}, or
 * {@code --global-toolchains}), as java executables: a seam between {@link JdkSelection} and Maven's
 * {@link ToolchainManager}, so the selection rules are tested without a Maven session.
 */
interface JdkToolchains {

    /** The java executables of the JDK toolchains that match every requirement ({@code version}, {@code vendor}, ...). */
    List<Path> matching(Map<String, String> requirements);

    /** The JDK toolchain the maven-toolchains-plugin selected for this build, if it ran. */
    Optional<Path> selected();

    /** Every JDK toolchain, as people read it ({@code JDK[/usr/lib/jvm/temurin-25-jdk-amd64]}), for error messages. */
    List<String> known();

    static JdkToolchains of(ToolchainManager manager, MavenSession session) {
        return new JdkToolchains() {
            @Override
            public List<Path> matching(Map<String, String> requirements) {
                return javaOf(manager.getToolchains(session, "jdk", requirements));
            }

            @Override
            public Optional<Path> selected() {
                Toolchain selected = manager.getToolchainFromBuildContext("jdk", session);
                return selected == null ? Optional.empty() : javaOf(List.of(selected)).stream().findFirst();
            }

            @Override
            public List<String> known() {
                return manager.getToolchains(session, "jdk", Map.of()).stream().map(Object::toString).toList();
            }
        };
    }

    private static List<Path> javaOf(List<Toolchain> toolchains) {
        List<Path> java = new ArrayList<>();
        for (Toolchain toolchain : toolchains) {
            String tool = toolchain.findTool("java");
            if (tool != null) {
                java.add(Path.of(tool));
            }
        }
        return java;
    }
}
