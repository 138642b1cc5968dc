package io.sabot.budget.maven;

import io.sabot.budget.core.check.Statistics;
import io.sabot.budget.core.gate.GateOutcome;
import io.sabot.budget.core.gate.GateSettings;
import io.sabot.budget.core.gate.StandardReporter;
import io.sabot.budget.core.report.PlainText;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** Parameters shared by every goal, and the translation of outcomes into Maven's two exceptions. */
abstract class AbstractBudgetMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true)
    protected MavenProject project;

    /** Skips the goal. */
    @Parameter(property = "budget.skip", defaultValue = "false")
    protected boolean skip;

    /**
     * The YAML budget file: per benchmark a limit (max, min, p99, alloc, faster-than) and the allowed
     * regression. budget:check needs it (without one it writes a starter, see the goal); budget:compare
     * evaluates it when it exists, and budget:baseline takes the regression thresholds from it.
     */
    @Parameter(property = "budget.budgetFile", defaultValue = "${project.basedir}/performance-budgets.yml")
    protected File budgetFile;

    /**
     * The stored baseline the run is compared with (written by budget:baseline). check and compare also take
     * {@code artifact:<groupId>:<artifactId>:<version>[:<classifier>]}: a baseline published beside a jar
     * (budget:baseline -Dbudget.attach=true), resolved through Maven's resolver (classifier budget-baseline, type json).
     */
    @Parameter(property = "budget.baselineFile", defaultValue = "${project.basedir}/src/perf/baseline.json")
    protected File baselineFile;

    /** Where results, reports and the fork log go. */
    @Parameter(property = "budget.outputDirectory", defaultValue = "${project.build.directory}/budget")
    protected File outputDirectory;

    /** Fail the build when an error-level budget is broken or a regression is confirmed; false only warns. */
    @Parameter(property = "budget.failOnViolation", defaultValue = "true")
    protected boolean failOnViolation;

    /** Fail the build when an error-level check is INCONCLUSIVE (the run was too noisy to decide). */
    @Parameter(property = "budget.failOnInconclusive", defaultValue = "false")
    protected boolean failOnInconclusive;

    /**
     * Gate on regressions even when the baseline was recorded on another machine, JDK or JMH. By default
     * such regressions are reported as warnings, because the numbers are not comparable.
     */
    @Parameter(property = "budget.compareAcrossEnvironments", defaultValue = "false")
    protected boolean compareAcrossEnvironments;

    /**
     * A JSON Lines file that budget:check appends every run to (time, commit, environment, per benchmark
     * the score and fork means); report.html draws each benchmark's trend from it and
     * {@code budget:compare -Dbudget.against=history} compares with its median. Off when unset, because
     * a useful history must outlive {@code mvn clean}, so it lives in the source tree or a CI cache,
     * and a build should not write there unless asked to. For example <code>${project.basedir}/.budget/history.jsonl</code>.
     */
    @Parameter(property = "budget.history")
    protected File history;

    /** How many of the latest runs the trend charts show and a history baseline takes the median of. */
    @Parameter(property = "budget.historyRuns", defaultValue = "20")
    protected int historyRuns;

    /**
     * Outside a project (budget:compare, budget:baseline) Maven's stub project has no base directory,
     * so the defaults {@code ${project.basedir}/...} and {@code ${project.build.directory}/...} arrive
     * unexpanded, made absolute against the working directory: reports went into a directory literally
     * named {@code ${project.basedir}/target/budget}. Such a path is taken relative to the working
     * directory instead ({@code ./target/budget}); a path given explicitly is used as given.
     */
    protected File path(File parameter) {
        Path workingDirectory = project != null && project.getBasedir() != null ? project.getBasedir().toPath()
                : Path.of(System.getProperty("user.dir"));
        return unexpandedDefault(parameter, workingDirectory).toFile();
    }

    static Path unexpandedDefault(File parameter, Path workingDirectory) {
        String text = parameter.getPath();
        for (String expression : new String[] {"${project.build.directory}", "${project.basedir}", "${basedir}"}) {
            int at = text.lastIndexOf(expression);
            if (at >= 0) {
                String rest = text.substring(at + expression.length()).replaceFirst("^[/\\\\]+", "");
                Path base = expression.equals("${project.build.directory}") ? workingDirectory.resolve("target") : workingDirectory;
                return rest.isEmpty() ? base : base.resolve(rest);
            }
        }
        return parameter.toPath();
    }

    /**
     * A results file parameter, with {@link #path} applied, that must exist: else an error saying how
     * to produce it or which property to point elsewhere.
     *
     * @param purpose  what the results are for: "compare", "store"
     * @param property the parameter's property without {@code budget.}: "current", "results"
     */
    protected File existingResults(File parameter, String purpose, String property) throws MojoExecutionException {
        File file = path(parameter);
        if (!file.exists()) {
            throw new MojoExecutionException("No results to " + purpose + ": " + file + " does not exist. Run mvn verify"
                    + " (or budget:check) first, or point -Dbudget." + property + "=... at a JMH JSON file");
        }
        return file;
    }

    /** The shared path parameters with {@link #path} applied; every goal calls it first. */
    protected void expandPaths() {
        budgetFile = path(budgetFile);
        baselineFile = path(baselineFile);
        outputDirectory = path(outputDirectory);
    }

    protected GateSettings gateSettings(boolean budgetFileRequired) throws MojoExecutionException {
        if (historyRuns < 1) {
            throw new MojoExecutionException("<historyRuns> (-Dbudget.historyRuns) must be 1 or more, not " + historyRuns);
        }
        String summary = System.getenv("GITHUB_STEP_SUMMARY");
        return new GateSettings(budgetFile.toPath(), budgetFileRequired, baselineFile.toPath(), outputDirectory.toPath(),
                failOnViolation, failOnInconclusive, compareAcrossEnvironments,
                summary == null || summary.isBlank() ? Optional.empty() : Optional.of(Path.of(summary)),
                Optional.of(Path.of(System.getProperty("java.home"))),
                project == null ? "this project" : project.getId(),
                history == null || history.getPath().isBlank() ? Optional.empty() : Optional.of(history.toPath()),
                historyRuns);
    }

    protected Statistics statistics() {
        return Statistics.standard();
    }

    /** Fails the build once, listing every failed check, or warns when failOnViolation is false. */
    protected void act(GateOutcome outcome, StandardReporter reporter) throws MojoFailureException {
        MavenReporter.logNotes(getLog(), outcome);
        if (outcome.fails()) {
            throw new MojoFailureException(reporter.failureMessage(outcome.failures()));
        }
        if (!failOnViolation && !outcome.evaluation().violations().isEmpty()) {
            getLog().warn("Budget violations ignored because failOnViolation=false:");
            outcome.evaluation().violations().forEach(v -> getLog().warn("  " + PlainText.printable(v.id() + " " + v.message())));
        }
    }
}
