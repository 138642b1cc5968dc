package io.sabot.budget.maven;

import io.sabot.budget.core.gate.BudgetGate;
import io.sabot.budget.core.gate.GateException;
import io.sabot.budget.core.gate.GateOutcome;
import io.sabot.budget.core.gate.GateSettings;
import io.sabot.budget.core.gate.StandardReporter;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Merges the shards of a sharded check ({@code budget:check -Dbudget.shard=K/N} on a CI matrix) into
 * one evaluation: verifies every benchmark unit was measured by exactly one shard, in one environment,
 * with one budget file, baseline and commit; pools the shards' raw forks; evaluates them as one
 * budget:check run would; writes the reports and fails the build as check does. Runs nothing.
 */
@Mojo(name = "merge", requiresProject = false, threadSafe = true)
public class MergeMojo extends AbstractBudgetMojo {

    /**
     * The shards' output directories (each holding {@code shard.json}, {@code results.json}), or a
     * parent directory they were downloaded into; comma-separated on the command line.
     */
    @Parameter(property = "budget.shards", required = true)
    private List<File> shards;

    /**
     * Merge shards measured in different environments (CPU, cores, OS, JDK, JMH). Off: such shards are
     * refused, since their forks are not one measurement. On: merged, and the report says so.
     */
    @Parameter(property = "budget.acceptMixedEnvironments", defaultValue = "false")
    private boolean acceptMixedEnvironments;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping the merge of shards (budget.skip=true)");
            return;
        }
        expandPaths();
        List<Path> directories = new ArrayList<>();
        for (File f : shards) {
            directories.add(f.toPath());
        }
        if (directories.isEmpty()) {
            throw new MojoExecutionException("<shards> (-Dbudget.shards) names no directory: give the shards' target/budget"
                    + " directories, comma-separated, or the directory their CI artifacts were downloaded into");
        }
        GateSettings settings = gateSettings(true);
        StandardReporter reporter = MavenReporter.create(getLog(), settings);
        BudgetGate gate = new BudgetGate(statistics(), null, reporter);
        Path workingDirectory = project != null && project.getBasedir() != null ? project.getBasedir().toPath()
                : Path.of(System.getProperty("user.dir"));
        GateOutcome outcome;
        try {
            outcome = gate.merge(settings, directories, acceptMixedEnvironments, workingDirectory);
        } catch (GateException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        act(outcome, reporter);
    }
}
