package io.sabot.budget.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * Which java runs the benchmarks. For one JDK, first match wins: {@code <jvm>} (an explicit path is
 * the most specific wish), {@code <jdkToolchain>} (requirements matched against Maven's toolchains,
 * as surefire's parameter of that name), the JDK toolchain the maven-toolchains-plugin selected for
 * the build, and last the JVM running Maven. The same order as surefire and failsafe, so a project
 * configures its benchmarks' JDK the way it configures its tests'.
 *
 * <p>An entry of {@code <jdks>} is either a path (a JDK home or a java executable) or toolchain
 * requirements, {@code version=25;vendor=temurin} (pairs separated by {@code ;}, since the command
 * line splits a list on commas).
 */
final class JdkSelection {

    /** The java executable and where it came from, for the build log. */
    record Selected(Path java, String source) {
    }

    private final JdkToolchains toolchains;

    JdkSelection(JdkToolchains toolchains) {
        this.toolchains = toolchains;
    }

    Selected single(File jvm, Map<String, String> jdkToolchain) throws MojoExecutionException {
        if (jvm != null) {
            return new Selected(javaOf(jvm.toPath(), "<jvm> (-Dbudget.jvm)"), "<jvm>");
        }
        if (jdkToolchain != null && !jdkToolchain.isEmpty()) {
            return new Selected(toolchain(jdkToolchain, "<jdkToolchain>"), "the JDK toolchain matching " + text(jdkToolchain));
        }
        Optional<Path> selected = toolchains.selected();
        if (selected.isPresent()) {
            return new Selected(selected.get(), "the JDK toolchain selected by maven-toolchains-plugin");
        }
        return new Selected(Path.of(System.getProperty("java.home"), "bin", "java"), "the JVM running Maven");
    }

    /** One entry of {@code <jdks>}: a path, or toolchain requirements {@code key=value;key=value}. */
    Path entry(String entry) throws MojoExecutionException {
        String text = entry.trim();
        if (text.contains("=")) {
            return toolchain(requirements(text), "<jdks> (-Dbudget.jdks) entry '" + text + "'");
        }
        return javaOf(Path.of(text), "<jdks> (-Dbudget.jdks) entry '" + text + "'");
    }

    /** {@code version=25;vendor=temurin} as requirements; an entry without a key or value is an error naming it. */
    static Map<String, String> requirements(String text) throws MojoExecutionException {
        Map<String, String> requirements = new LinkedHashMap<>();
        for (String pair : text.split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            int at = pair.indexOf('=');
            String key = at < 0 ? "" : pair.substring(0, at).trim();
            String value = at < 0 ? "" : pair.substring(at + 1).trim();
            if (key.isEmpty() || value.isEmpty()) {
                throw new MojoExecutionException("<jdks> (-Dbudget.jdks) entry '" + text + "': '" + pair.trim() + "' is not a"
                        + " requirement key=value; write toolchain requirements as version=25;vendor=temurin, or give a JDK home");
            }
            requirements.put(key, value);
        }
        return requirements;
    }

    private Path toolchain(Map<String, String> requirements, String parameter) throws MojoExecutionException {
        List<Path> matching = toolchains.matching(requirements);
        if (!matching.isEmpty()) {
            return matching.get(0);
        }
        List<String> known = toolchains.known();
        throw new MojoExecutionException("No JDK toolchain matches " + text(requirements) + " (" + parameter + "). "
                + (known.isEmpty() ? "Maven knows no JDK toolchain at all." : "Maven knows: " + String.join(", ", known) + ".")
                + " Add one to ~/.m2/toolchains.xml (or a file passed with mvn -t <file>):\n"
                + "<toolchains>\n  <toolchain>\n    <type>jdk</type>\n    <provides>\n"
                + new TreeMap<>(requirements).entrySet().stream()
                        .map(e -> "      <" + e.getKey() + ">" + e.getValue() + "</" + e.getKey() + ">\n").reduce("", String::concat)
                + "    </provides>\n    <configuration>\n      <jdkHome>/path/to/that/jdk</jdkHome>\n    </configuration>\n"
                + "  </toolchain>\n</toolchains>");
    }

    /** A JDK home (its bin/java) or a java executable that exists and can run, else an error naming the parameter. */
    static Path javaOf(Path path, String parameter) throws MojoExecutionException {
        Path java = path.toFile().isDirectory() ? path.resolve("bin").resolve("java") : path;
        if (!java.toFile().canExecute() || java.toFile().isDirectory()) {
            throw new MojoExecutionException(parameter + " is " + path + ", which is neither a java executable"
                    + " nor a JDK home with bin/java");
        }
        return java;
    }

    private static String text(Map<String, String> requirements) {
        return new TreeMap<>(requirements).toString();
    }
}
