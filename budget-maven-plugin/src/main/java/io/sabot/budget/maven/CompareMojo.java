package io.sabot.budget.maven;

import io.sabot.budget.core.gate.BudgetGate;
import io.sabot.budget.core.gate.GateException;
import io.sabot.budget.core.gate.GateOutcome;
import io.sabot.budget.core.gate.StandardReporter;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compares two result files (plain JMH JSON or baseline files) without running anything, and prints
 * the same table with the same exit semantics as budget:check. Works outside a project:
 * {@code mvn io.sabot:budget-maven-plugin:compare -Dbudget.current=new.json -Dbudget.baselineFile=old.json}.
 * Inside a project the defaults compare the latest results with the project's baseline. Budgets in
 * the budget file are evaluated too when the file exists.
 */
@Mojo(name = "compare", requiresProject = false, threadSafe = true)
public class CompareMojo extends AbstractBudgetMojo {

    /** The results to judge: JMH JSON or a baseline file. Default: the latest budget:check results. */
    @Parameter(property = "budget.current", defaultValue = "${project.build.directory}/budget/results.json")
    private File current;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping budget comparison (budget.skip=true)");
            return;
        }
        if (!current.exists()) {
            throw new MojoExecutionException("No results to compare: " + current + " does not exist. Run mvn verify"
                    + " (or budget:check) first, or point -Dbudget.current=... at a JMH JSON file");
        }
        if (!baselineFile.exists()) {
            throw new MojoExecutionException("No baseline to compare against: " + baselineFile + " does not exist."
                    + " Record one with mvn budget:baseline, or point -Dbudget.baselineFile=... at a JMH JSON or baseline file");
        }
        getLog().info("Comparing " + current + " with " + baselineFile);
        StandardReporter reporter = MavenReporter.create(getLog(), gateSettings(false));
        BudgetGate gate = new BudgetGate(statistics(), null, reporter);
        GateOutcome outcome;
        try {
            outcome = gate.compare(gateSettings(false), current.toPath(), baselineFile.toPath());
        } catch (GateException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        act(outcome, reporter);
    }
}
