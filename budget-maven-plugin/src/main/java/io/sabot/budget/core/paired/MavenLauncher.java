package io.sabot.budget.core.paired;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How to start the Maven installation that runs this build, with this build's settings, so that the
 * baseline code is built the way the current code was: the same Maven, the same local repository and
 * settings, offline when this build is offline.
 *
 * @param executable      {@code <maven.home>/bin/mvn}
 * @param userSettings    {@code -s}, when the build was given one
 * @param localRepository {@code -Dmaven.repo.local}, when it is not the default
 * @param classpathPlugin  coordinates ({@code groupId:artifactId:version}) of the plugin whose
 *                         {@code build-classpath} goal writes a module's test classpath to a file
 * @param repositoryProperties the build's other {@code -D} properties that say where artifacts come from
 *                         ({@code maven.repo.local.tail...}), passed on as they were given
 */
public record MavenLauncher(Path executable, boolean offline, Optional<Path> userSettings,
                            Optional<Path> globalSettings, Optional<Path> localRepository, String classpathPlugin,
                            Map<String, String> repositoryProperties) {

    /** The properties {@link #repositoryProperties} holds: those of the local repository's tail (Maven 3.9). */
    public static boolean isRepositoryProperty(String name) {
        return name.startsWith("maven.repo.local.tail");
    }

    public MavenLauncher(Path executable, boolean offline, Optional<Path> userSettings, Optional<Path> globalSettings,
                         Optional<Path> localRepository, String classpathPlugin) {
        this(executable, offline, userSettings, globalSettings, localRepository, classpathPlugin, Map.of());
    }

    public MavenLauncher {
        Objects.requireNonNull(executable, "executable");
        Objects.requireNonNull(userSettings, "userSettings");
        Objects.requireNonNull(globalSettings, "globalSettings");
        Objects.requireNonNull(localRepository, "localRepository");
        Objects.requireNonNull(classpathPlugin, "classpathPlugin");
        repositoryProperties = Map.copyOf(new TreeMap<>(repositoryProperties));
    }

    /** The goal and its arguments that write the module's test classpath to {@code file} (relative to the module). */
    List<String> classpathGoal(String file) {
        return List.of(classpathPlugin + ":build-classpath", "-Dmdep.outputFile=" + file);
    }

    /** The Maven installation at {@code mavenHome} ({@code bin/mvn}, or {@code bin/mvn.cmd} on Windows). */
    public static MavenLauncher at(Path mavenHome, boolean offline, Optional<Path> userSettings,
                                   Optional<Path> globalSettings, Optional<Path> localRepository, String classpathPlugin,
                                   Map<String, String> repositoryProperties) {
        return new MavenLauncher(mavenHome.resolve("bin").resolve(Commands.isWindows() ? "mvn.cmd" : "mvn"), offline,
                userSettings, globalSettings, localRepository, classpathPlugin, repositoryProperties);
    }

    /** The command line up to (not including) the goals. */
    List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.add("-B");
        if (offline) {
            command.add("-o");
        }
        userSettings.ifPresent(s -> {
            command.add("-s");
            command.add(s.toString());
        });
        globalSettings.ifPresent(s -> {
            command.add("-gs");
            command.add(s.toString());
        });
        localRepository.ifPresent(r -> command.add("-Dmaven.repo.local=" + r));
        new TreeMap<>(repositoryProperties).forEach((name, value) -> command.add("-D" + name + "=" + value));
        return command;
    }
}
