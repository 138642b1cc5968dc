package io.sabot.budget.maven;

import io.sabot.budget.core.paired.Against;
import java.io.File;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * A baseline published beside a project's jar ({@code budget:baseline -Dbudget.attach=true}, then
 * {@code install} or {@code deploy}): {@code -Dbudget.baselineFile=artifact:<groupId>:<artifactId>:<version>[:<classifier>]}
 * names it by coordinates (type {@value #TYPE}, classifier {@value #CLASSIFIER} unless given), and it is resolved
 * through Maven's resolver like the jars of paired mode's {@code artifact:} source: from the project's
 * repositories, the local repository first (only there when the build is offline), never from the reactor.
 */
final class BaselineArtifact {

    static final String PREFIX = "artifact:";
    static final String TYPE = "json";
    static final String CLASSIFIER = "budget-baseline";

    private BaselineArtifact() {
    }

    /**
     * True when the baselineFile parameter holds coordinates: Maven made the text {@code artifact:g:a:v} a file of
     * that name in the project's directory.
     */
    static boolean named(File baselineFile) {
        return baselineFile.getName().startsWith(PREFIX);
    }

    /** The parameter itself when it is a file, else the local file of the artifact it names. */
    static File resolve(File baselineFile, MavenProject project, MavenSession session, RepositorySystem repositories, Log log)
            throws MojoExecutionException {
        if (!named(baselineFile)) {
            return baselineFile;
        }
        Against.Artifact coordinates;
        try {
            coordinates = (Against.Artifact) Against.parse(baselineFile.getName(), "<baselineFile> (-Dbudget.baselineFile)");
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage());
        }
        String classifier = coordinates.classifier().isEmpty() ? CLASSIFIER : coordinates.classifier();
        DefaultArtifact artifact = new DefaultArtifact(coordinates.groupId(), coordinates.artifactId(), classifier, TYPE,
                coordinates.version());
        try {
            File file = repositories.resolveArtifact(MavenBaselineCode.released(session),
                    new ArtifactRequest(artifact, project.getRemoteProjectRepositories(), null)).getArtifact().getFile();
            log.info("Baseline " + baselineFile.getName() + " resolved to " + file);
            return file;
        } catch (ArtifactResolutionException e) {
            throw new MojoExecutionException("Cannot resolve the baseline " + baselineFile.getName() + " (" + artifact + ": "
                    + e.getMessage() + "). Publish it beside the project's jar: budget:baseline with -Dbudget.attach=true in the"
                    + " build that installs or deploys (mvn verify budget:baseline -Dbudget.attach=true install:install, or an"
                    + " execution bound to verify); check the coordinates"
                    + (session.isOffline() ? ", and note that this build is offline: only the local repository is searched" : "")
                    + "; or point -Dbudget.baselineFile at a file", e);
        }
    }
}
