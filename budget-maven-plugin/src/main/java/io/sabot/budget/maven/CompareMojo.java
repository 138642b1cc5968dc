package io.sabot.budget.maven;

import io.sabot.budget.core.gate.BudgetGate;
import io.sabot.budget.core.gate.GateException;
import io.sabot.budget.core.gate.GateOutcome;
import io.sabot.budget.core.gate.GateSettings;
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

    /**
     * What to compare with: {@code baseline} (the baselineFile) or {@code history} (per benchmark, the
     * median of the last historyRuns runs in the history file measured in this environment).
     */
    @Parameter(property = "budget.against", defaultValue = "baseline")
    private String against;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping budget comparison (budget.skip=true)");
            return;
        }
        expandPaths();
        current = path(current);
        if (!current.exists()) {
            throw new MojoExecutionException("No results to compare: " + current + " does not exist. Run mvn verify"
                    + " (or budget:check) first, or point -Dbudget.current=... at a JMH JSON file");
        }
        boolean withHistory = againstHistory();
        if (!withHistory && !baselineFile.exists()) {
            throw new MojoExecutionException("No baseline to compare against: " + baselineFile + " does not exist."
                    + " Record one with mvn budget:baseline, or point -Dbudget.baselineFile=... at a JMH JSON or baseline file,"
                    + " or compare with the history (-Dbudget.against=history)");
        }
        GateSettings settings = gateSettings(false);
        getLog().info("Comparing " + current + " with " + (withHistory
                ? "the median of the last " + historyRuns + " runs in " + settings.historyFile().map(Object::toString).orElse("(no history file)")
                : baselineFile));
        StandardReporter reporter = MavenReporter.create(getLog(), settings);
        BudgetGate gate = new BudgetGate(statistics(), null, reporter);
        GateOutcome outcome;
        try {
            outcome = withHistory ? gate.compareWithHistory(settings, current.toPath())
                    : gate.compare(settings, current.toPath(), baselineFile.toPath());
        } catch (GateException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        act(outcome, reporter);
    }

    private boolean againstHistory() throws MojoExecutionException {
        String value = against == null ? "baseline" : against.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (value) {
            case "", "baseline" -> false;
            case "history" -> true;
            default -> throw new MojoExecutionException("<against> (-Dbudget.against) must be 'baseline' or 'history', not '"
                    + against + "'");
        };
    }
}
