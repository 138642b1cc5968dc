package io.sabot.budget.maven;

import io.sabot.budget.core.check.CheckResult;
import io.sabot.budget.core.gate.BaselineRecorder;
import io.sabot.budget.core.gate.BaselineRefusedException;
import io.sabot.budget.core.gate.GateException;
import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.toolchain.ToolchainManager;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Stores results (by default the latest budget:check run) as the project's baseline, atomically,
 * with the environment fingerprint, the time and a reason. Refuses to replace a baseline with a run
 * that regresses against it unless {@code -Dbudget.reason=...} says why.
 */
@Mojo(name = "baseline", requiresProject = false, threadSafe = true)
public class BaselineMojo extends AbstractBudgetMojo {

    /** The results to store: JMH JSON or another baseline file. */
    @Parameter(property = "budget.results", defaultValue = "${project.build.directory}/budget/results.json")
    private File results;

    /** Why this baseline is recorded; required to accept a regression. Stored in the baseline file. */
    @Parameter(property = "budget.reason")
    private String reason;

    /**
     * The java executable or JDK home the results were measured with, for the fingerprint. First match
     * wins, as in budget:check: this, {@code jdkToolchain}, the toolchains plugin's JDK, Maven's JVM.
     */
    @Parameter(property = "budget.jvm")
    private File jvm;

    /**
     * Attach the baseline to the project (classifier {@code budget-baseline}, type {@code json}), so that
     * {@code install} or {@code deploy} in the same build publishes it beside the jar and another build can
     * compare with it by coordinates ({@code -Dbudget.baselineFile=artifact:<groupId>:<artifactId>:<version>}). Off by default: the
     * baseline's home is the source tree, and budget:baseline usually runs by hand, not in a release.
     */
    @Parameter(property = "budget.attach", defaultValue = "false")
    private boolean attach;

    @Inject
    private MavenProjectHelper projectHelper;
    /** Requirements of the JDK toolchain the results were measured with (as budget:check's), for the fingerprint. */
    @Parameter
    private Map<String, String> jdkToolchain;

    @Parameter(defaultValue = "${session}", readonly = true)
    private MavenSession session;

    @Inject
    private ToolchainManager toolchainManager;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping baseline recording (budget.skip=true)");
            return;
        }
        expandPaths();
        if (BaselineArtifact.named(baselineFile)) {
            throw new MojoExecutionException("budget:baseline writes a file, not an artifact: <baselineFile>"
                    + " (-Dbudget.baselineFile) is " + baselineFile.getName() + ". Record to a file and publish it with"
                    + " -Dbudget.attach=true and install or deploy; check and compare read it by coordinates");
        }
        if (attach && (project == null || project.getFile() == null)) {
            throw new MojoExecutionException("<attach> (-Dbudget.attach) needs a project to attach the baseline to; run"
                    + " budget:baseline in the project's directory or leave attach off");
        }
        results = existingResults(results, "store", "results");
        Path javaExecutable = new JdkSelection(JdkToolchains.of(toolchainManager, session)).single(jvm, jdkToolchain).java();
        BaselineRecorder.Recorded recorded;
        try {
            recorded = new BaselineRecorder(statistics()).record(gateSettings(false), results.toPath(),
                    Optional.ofNullable(reason), Instant.now(), javaExecutable);
        } catch (BaselineRefusedException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (GateException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        for (CheckResult accepted : recorded.acceptedRegressions()) {
            getLog().warn("Accepted regression (" + reason + "): " + accepted.message());
        }
        if (attach) {
            projectHelper.attachArtifact(project, BaselineArtifact.TYPE, BaselineArtifact.CLASSIFIER, recorded.baseline().toFile());
            getLog().info("Attached the baseline as " + project.getGroupId() + ":" + project.getArtifactId() + ":"
                    + BaselineArtifact.TYPE + ":" + BaselineArtifact.CLASSIFIER + ":" + project.getVersion()
                    + "; install or deploy in this build publishes it");
        }
        getLog().info("Baseline " + recorded.baseline() + " now holds " + recorded.benchmarks() + " results measured on "
                + recorded.environment().summary() + (reason == null ? "" : "; reason: " + reason));
    }
}
