package io.sabot.budget.maven;

import io.sabot.budget.core.gate.BudgetGate;
import io.sabot.budget.core.gate.GateException;
import io.sabot.budget.core.gate.GateOutcome;
import io.sabot.budget.core.gate.PairedRecord;
import io.sabot.budget.core.gate.GateSettings;
import io.sabot.budget.core.gate.StandardReporter;
import io.sabot.budget.core.paired.Against;
import java.io.File;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;

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
     * What to compare with: {@code baseline} (the baselineFile), {@code history} (per benchmark, the
     * median of the last historyRuns runs in the history file measured in this environment), or a
     * paired source ({@code git:...}, {@code artifact:...}, {@code classpath:...}): then the
     * {@code baseline-results.json} a paired budget:check wrote beside the current results is judged
     * pair by pair again, without running anything, with the check's error rate split over its looks;
     * the {@code paired.json} the check wrote beside them must name this source.
     */
    @Parameter(property = "budget.against", defaultValue = "baseline")
    private String against;

    @Parameter(defaultValue = "${session}", readonly = true)
    private MavenSession session;

    @Inject
    private RepositorySystem repositorySystem;

    /** Where a paired budget:check writes the baseline code's forks, beside results.json. */
    static final String PAIRED_BASELINE = "baseline-results.json";

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping budget comparison (budget.skip=true)");
            return;
        }
        expandPaths();
        baselineFile = BaselineArtifact.resolve(baselineFile, project, session, repositorySystem, getLog());
        current = existingResults(current, "compare", "current");
        Against source;
        try {
            source = Against.parse(against, "<against> (-Dbudget.against)");
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage());
        }
        boolean withHistory = source instanceof Against.History;
        // A paired check wrote the baseline code's forks beside this code's: judge them as pairs again.
        File reference = source.paired() ? current.toPath().resolveSibling(PAIRED_BASELINE).toFile() : baselineFile;
        if (!withHistory && !reference.exists()) {
            throw new MojoExecutionException("No baseline to compare against: " + reference + " does not exist."
                    + (source.paired() ? " With -Dbudget.against=" + against + ", compare judges the forks a paired"
                    + " budget:check wrote (" + PAIRED_BASELINE + " beside -Dbudget.current); run mvn verify"
                    + " -Dbudget.against=" + against + " first, or compare with -Dbudget.against=baseline"
                    : " Record one with mvn budget:baseline, or point -Dbudget.baselineFile=... at a JMH JSON or baseline file,"
                    + " or compare with the history (-Dbudget.against=history)"));
        }
        GateSettings settings = gateSettings(false);
        int looks = 1;
        if (source.paired()) {
            try {
                looks = PairedRecord.readFor(current.toPath(), against).looks();
            } catch (GateException e) {
                throw new MojoExecutionException(e.getMessage(), e);
            }
        }
        getLog().info("Comparing " + current + " with " + (withHistory
                ? "the median of the last " + historyRuns + " runs in " + settings.historyFile().map(Object::toString).orElse("(no history file)")
                : reference + (source.paired() ? " as pairs (fork i of each side measured together)" : "")));
        StandardReporter reporter = MavenReporter.create(getLog(), settings);
        BudgetGate gate = new BudgetGate(statistics(), null, reporter);
        GateOutcome outcome;
        try {
            outcome = withHistory ? gate.compareWithHistory(settings, current.toPath())
                    : gate.compare(settings, current.toPath(), reference.toPath(), source.paired(), looks);
        } catch (GateException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        act(outcome, reporter);
    }
}
