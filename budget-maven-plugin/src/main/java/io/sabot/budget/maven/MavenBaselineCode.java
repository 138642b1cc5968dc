package io.sabot.budget.maven;

import io.sabot.budget.core.fork.ForkListener;
import io.sabot.budget.core.gate.BaselineCodeProvider;
import io.sabot.budget.core.paired.Against;
import io.sabot.budget.core.paired.BaselineCode;
import io.sabot.budget.core.paired.BaselineCodeException;
import io.sabot.budget.core.paired.GitBaselineBuilder;
import io.sabot.budget.core.paired.MavenLauncher;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/**
 * The baseline code of a paired run, obtained the Maven way: a git ref built by the running Maven
 * installation with this build's settings and local repository ({@link GitBaselineBuilder}), a jar
 * resolved with its runtime dependencies through Maven's resolver from the project's repositories
 * (the local repository when offline), or a classpath given as is.
 */
final class MavenBaselineCode implements BaselineCodeProvider {

    /** Writes a module's test classpath to a file; a version known to resolve from Maven Central. */
    static final String DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1";

    private final MavenProject project;
    private final MavenSession session;
    private final RepositorySystem repositories;
    private final Duration buildTimeout;

    MavenBaselineCode(MavenProject project, MavenSession session, RepositorySystem repositories, Duration buildTimeout) {
        this.project = project;
        this.session = session;
        this.repositories = repositories;
        this.buildTimeout = buildTimeout;
    }

    @Override
    public BaselineCode provide(Against against, Optional<String> baselineCommit, ForkListener listener)
            throws BaselineCodeException {
        if (against instanceof Against.GitRef ref) {
            return git(ref.ref(), "git:" + ref.ref(), listener);
        }
        if (against instanceof Against.GitBaselineCommit) {
            String commit = baselineCommit.orElseThrow(() -> new BaselineCodeException("The baseline file records no commit"));
            return git(commit, "git:baseline", listener);
        }
        if (against instanceof Against.ClassPath classPath) {
            return classpath(classPath);
        }
        if (against instanceof Against.Artifact artifact) {
            return artifact(artifact, listener);
        }
        throw new BaselineCodeException(against + " is not a source of baseline code");
    }

    private BaselineCode git(String ref, String shownAs, ForkListener listener) throws BaselineCodeException {
        String mavenHome = System.getProperty("maven.home");
        if (mavenHome == null || mavenHome.isBlank()) {
            throw new BaselineCodeException("Cannot build " + shownAs + ": the system property maven.home is not set, so the"
                    + " running Maven installation is unknown. Run the build with mvn or ./mvnw, or build the baseline"
                    + " yourself and pass -Dbudget.against=classpath:<entries>");
        }
        Path reactorRoot = Optional.ofNullable(session.getTopLevelProject()).map(MavenProject::getBasedir)
                .map(File::toPath).filter(root -> project.getBasedir().toPath().startsWith(root))
                .orElse(project.getBasedir().toPath());
        MavenLauncher maven = MavenLauncher.at(Path.of(mavenHome), session.isOffline(),
                existing(session.getRequest().getUserSettingsFile()), existing(session.getRequest().getGlobalSettingsFile()),
                Optional.ofNullable(session.getRequest().getLocalRepositoryPath()).map(File::toPath), DEPENDENCY_PLUGIN,
                repositoryProperties(session.getUserProperties()));
        Path work = Path.of(project.getBuild().getDirectory()).resolve("budget-baseline");
        return new GitBaselineBuilder(buildTimeout).build(new GitBaselineBuilder.Request(ref, shownAs,
                project.getBasedir().toPath(), reactorRoot, work, maven), listener::note);
    }

    /** The {@code -D} properties of this build that say where artifacts come from, for the baseline code's build. */
    static java.util.Map<String, String> repositoryProperties(java.util.Properties userProperties) {
        java.util.Map<String, String> passed = new java.util.TreeMap<>();
        for (String name : userProperties.stringPropertyNames()) {
            if (MavenLauncher.isRepositoryProperty(name)) {
                passed.put(name, userProperties.getProperty(name));
            }
        }
        return passed;
    }

    private static BaselineCode classpath(Against.ClassPath classPath) throws BaselineCodeException {
        for (Path entry : classPath.entries()) {
            if (!Files.exists(entry)) {
                throw new BaselineCodeException("The baseline classpath entry " + entry + " does not exist. Fix"
                        + " -Dbudget.against=classpath:<entries> (entries separated by '" + File.pathSeparator + "')");
            }
        }
        return new BaselineCode("classpath:" + String.join(File.pathSeparator,
                classPath.entries().stream().map(Path::toString).toList()), classPath.entries());
    }

    private BaselineCode artifact(Against.Artifact artifact, ForkListener listener) throws BaselineCodeException {
        DefaultArtifact jar = new DefaultArtifact(artifact.groupId(), artifact.artifactId(), artifact.classifier(), "jar",
                artifact.version());
        CollectRequest collect = new CollectRequest(new Dependency(jar, JavaScopes.RUNTIME), project.getRemoteProjectRepositories());
        DependencyRequest request = new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
        listener.note("Baseline code artifact:" + artifact.coordinates() + ": resolving it and its runtime dependencies");
        List<Path> classpath = new ArrayList<>();
        try {
            for (ArtifactResult result : repositories.resolveDependencies(released(session), request).getArtifactResults()) {
                classpath.add(result.getArtifact().getFile().toPath());
            }
        } catch (DependencyResolutionException e) {
            throw new BaselineCodeException("Cannot resolve the baseline code artifact:" + artifact.coordinates() + " ("
                    + e.getMessage() + "). Check the coordinates, that the jar is deployed to a repository of this project"
                    + (session.isOffline() ? " or installed in the local repository (this build is offline)" : "")
                    + ", or pass -Dbudget.against=git:<ref>", e);
        }
        return new BaselineCode("artifact:" + artifact.coordinates(), classpath);
    }

    /**
     * The build's resolver session without the reactor: the reactor may hold a newer build of the same
     * coordinates (this very project, when it pairs against its own last release), which is exactly what
     * must not be the baseline. Resolves from the project's repositories, the local one first.
     */
    static DefaultRepositorySystemSession released(MavenSession session) {
        DefaultRepositorySystemSession released = new DefaultRepositorySystemSession(session.getRepositorySession());
        released.setWorkspaceReader(null);
        return released;
    }

    private static Optional<Path> existing(File file) {
        return file != null && file.isFile() ? Optional.of(file.toPath()) : Optional.empty();
    }
}
