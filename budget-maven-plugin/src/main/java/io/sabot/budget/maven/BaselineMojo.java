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
        getLog().info("Baseline " + recorded.baseline() + " now holds " + recorded.benchmarks() + " results measured on "
                + recorded.environment().summary() + (reason == null ? "" : "; reason: " + reason));
    }
}
