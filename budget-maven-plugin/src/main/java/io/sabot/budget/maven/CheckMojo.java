package io.sabot.budget.maven;

import io.sabot.budget.core.fork.ForkRunner;
import io.sabot.budget.core.fork.ShellWords;
import io.sabot.budget.core.gate.AdaptiveSettings;
import io.sabot.budget.core.gate.BudgetGate;
import io.sabot.budget.core.gate.GateException;
import io.sabot.budget.core.gate.GateOutcome;
import io.sabot.budget.core.gate.GateSettings;
import io.sabot.budget.core.gate.JdkSettings;
import io.sabot.budget.core.model.JdkComparison;
import java.util.Map;
import org.apache.maven.toolchain.ToolchainManager;
import io.sabot.budget.core.gate.StandardReporter;
import io.sabot.budget.core.gate.PairedSettings;
import io.sabot.budget.core.gate.RunOverrides;
import io.sabot.budget.core.paired.Against;
import java.util.OptionalInt;
import java.util.OptionalLong;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.eclipse.aether.RepositorySystem;
import io.sabot.budget.core.io.BudgetFileParser;
import io.sabot.budget.core.model.JmhOptions;
import io.sabot.budget.core.model.ShardSpec;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Runs the project's JMH benchmarks in a separate JVM, checks the results against the budget file
 * and the stored baseline, writes the reports to {@code target/budget/} and fails the build when an
 * error-level budget is broken or a regression beyond its threshold is found.
 * <p>
 * Without a budget file (a new project) it measures the benchmarks once, briefly, writes
 * {@code target/budget/performance-budgets.starter.yml} with one budget per benchmark and the measured
 * figure beside each limit, and stops: review the limits, copy the file next to the pom as
 * {@code performance-budgets.yml}, run {@code mvn verify} again, then record a baseline with
 * {@code mvn budget:baseline -Dbudget.reason="first baseline"}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.TEST)
public class CheckMojo extends AbstractBudgetMojo {

    /**
     * Benchmarks to run: globs as in the budget file, on the whole fully qualified name or a suffix
     * after a dot ({@code *.StateBenchmark.*}, {@code MemoryStateBenchmark.get}), or {@code regex:...}
     * (JMH's matching, anywhere in the name). All when empty.
     */
    @Parameter(property = "budget.includes")
    private List<String> includes;

    /** Benchmarks to leave out, same syntax as includes. */
    @Parameter(property = "budget.excludes")
    private List<String> excludes;

    /** JMH forks per benchmark ({@code -f}), 1 or more. Overrides the budget file's jmh.forks and the annotations. */
    @Parameter(property = "budget.forks")
    private Integer forks;

    /** Warmup iterations ({@code -wi}); 0 runs no warmup. */
    @Parameter(property = "budget.warmupIterations")
    private Integer warmupIterations;

    /** Time per warmup iteration ({@code -w}), e.g. {@code 500ms}, {@code 1s}. */
    @Parameter(property = "budget.warmupTime")
    private String warmupTime;

    /** Measurement iterations ({@code -i}), 1 or more. */
    @Parameter(property = "budget.measurementIterations")
    private Integer measurementIterations;

    /** Time per measurement iteration ({@code -r}), e.g. {@code 500ms}, {@code 1s}. */
    @Parameter(property = "budget.measurementTime")
    private String measurementTime;

    /** JMH profilers ({@code -prof}); the gc profiler feeds {@code alloc} budgets. Default: the budget file's, else gc. */
    @Parameter(property = "budget.profilers")
    private List<String> profilers;

    /**
     * The java executable (or a JDK home) that runs JMH. First match wins: this, then {@code jdkToolchain},
     * then the JDK toolchain the maven-toolchains-plugin selected, then the JVM running Maven.
     */
    @Parameter(property = "budget.jvm")
    private File jvm;

    /**
     * Requirements of the JDK toolchain that runs JMH, as surefire's parameter of that name, e.g.
     * {@code <jdkToolchain><version>25</version><vendor>temurin</vendor></jdkToolchain>}, matched against
     * Maven's toolchains ({@code ~/.m2/toolchains.xml} or {@code mvn -t <file>}). {@code jvm} wins over it.
     */
    @Parameter
    private Map<String, String> jdkToolchain;

    /**
     * JDK comparison: the same benchmarks on each of these JDKs in one build, forks interleaved round by
     * round, every JDK compared with the first. Each entry is a JDK home, a java executable, or toolchain
     * requirements ({@code version=25;vendor=temurin}). Two or more entries; {@code jvm} and
     * {@code jdkToolchain} are then not used.
     */
    @Parameter(property = "budget.jdks")
    private List<String> jdks;

    /**
     * JDK comparison: the one JDK whose results the budgets' limits judge, an entry of {@code jdks} as
     * written or its JDK home's directory name. Empty: every JDK.
     */
    @Parameter(property = "budget.budgetJdk")
    private String budgetJdk;

    /**
     * Extra JVM arguments for the benchmark JVMs, one argument per entry, after the budget file's
     * {@code jvm-args}. Passed as JMH {@code -jvmArgsPrepend}, so a benchmark's own
     * {@code @Fork(jvmArgs/jvmArgsAppend)} still apply, after these.
     */
    @Parameter(property = "budget.jvmArgs")
    private List<String> jvmArgs;

    /**
     * Extra JMH arguments passed through, split as a POSIX shell splits words: e.g. {@code -t 2 -tu us}
     * or {@code -p text='a b' -jvmArgsPrepend "-Dx=1 2"} (single and double quotes, backslash escapes;
     * nothing is expanded).
     */
    @Parameter(property = "budget.jmhArgs")
    private String jmhArgs;

    /** Maximum wall time of the whole JMH fork before it is killed with its process tree, e.g. {@code 30m}, {@code 90s}. */
    @Parameter(property = "budget.timeout", defaultValue = "60m")
    private String timeout;

    /**
     * A short smoke run (1 fork, 2 warmup + 3 measurement iterations of 200 ms) unless set explicitly.
     * Budgets are not loosened: a quick run that cannot decide reports INCONCLUSIVE.
     */
    @Parameter(property = "budget.quick", defaultValue = "false")
    private boolean quick;

    /**
     * Confirmation reruns: benchmarks behind failed checks are forked again this many times, and a
     * check fails the build only if it fails every time. 0 disables.
     */
    @Parameter(property = "budget.confirm", defaultValue = "1")
    private int confirm;

    /**
     * Adaptive measurement: the measurement time the build may add, after the first run, to fork again
     * only the benchmarks behind INCONCLUSIVE error-level checks, e.g. {@code 10m}. {@code 0} (the
     * default) switches it off. When on, every evaluation uses a share of the error rate (split over
     * the first run and {@code maxRounds}), so that looking again does not inflate false alarms.
     */
    @Parameter(property = "budget.maxTime", defaultValue = "0")
    private String maxTime;

    /** The most adaptive rounds (each forks the undecided benchmarks again) when {@code maxTime} is set. */
    @Parameter(property = "budget.maxRounds", defaultValue = "3")
    private int maxRounds;

    /**
     * What regressions are judged against. {@code baseline}: the numbers stored in the baseline file.
     * Paired mode measures the baseline code beside this code, pair by pair, in this build, so that the
     * machine's drift cancels: {@code git:<ref>} (e.g. {@code git:origin/main}, {@code git:HEAD~1},
     * {@code git:v1.4.0}; built in {@code target/budget-baseline/} with the running Maven),
     * {@code git:baseline} (the commit the baseline file was recorded at),
     * {@code artifact:<groupId>:<artifactId>:<version>[:<classifier>]} (a jar holding the benchmarks,
     * resolved with its runtime dependencies) or {@code classpath:<entries>}.
     */
    @Parameter(property = "budget.against", defaultValue = "baseline")
    private String against;

    /**
     * Paired mode: rounds of pairs per benchmark before any adaptive round; JDK comparison: rounds on
     * every JDK. Default: the fork count, at least 3.
     */
    @Parameter(property = "budget.rounds")
    private Integer rounds;

    /**
     * Paired mode: the seed of the random order within each pair; JDK comparison: of the order of the
     * JDKs within each round. Random (and printed) when unset.
     */
    @Parameter(property = "budget.seed")
    private Long seed;

    /** Paired mode: the longest the build of a git ref's baseline code may take, e.g. {@code 20m}. */
    @Parameter(property = "budget.baselineBuildTimeout", defaultValue = "30m")
    private String baselineBuildTimeout;

    /**
     * Runs one shard of the suite, {@code K/N} (e.g. {@code 2/3}), for a CI matrix: every shard computes
     * the same split of the benchmarks (each {@code @Param} combination a unit, balanced by expected time),
     * measures only its own, writes {@code shard.json} beside its results and does not fail on verdicts;
     * {@code budget:merge} of all N shards gives the build's verdicts.
     */
    @Parameter(property = "budget.shard")
    private String shard;

    @Parameter(defaultValue = "${session}", readonly = true)
    private MavenSession session;

    @Inject
    private RepositorySystem repositorySystem;

    @Inject
    private ToolchainManager toolchainManager;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping performance budgets (budget.skip=true)");
            return;
        }
        if ("pom".equals(project.getPackaging())) {
            getLog().info("Skipping performance budgets for a pom-packaged project");
            return;
        }
        expandPaths();
        baselineFile = BaselineArtifact.resolve(baselineFile, project, session, repositorySystem, getLog());
        if (confirm < 0) {
            throw new MojoExecutionException("<confirm> (-Dbudget.confirm) must be 0 or more, not " + confirm);
        }
        if (maxRounds < 1) {
            throw new MojoExecutionException("<maxRounds> (-Dbudget.maxRounds) must be 1 or more, not " + maxRounds);
        }
        AdaptiveSettings adaptive = new AdaptiveSettings(adaptiveTime(maxTime), maxRounds);
        Optional<ShardSpec> shardSpec;
        try {
            shardSpec = shard == null || shard.isBlank() ? Optional.empty()
                    : Optional.of(ShardSpec.parse(shard, "<shard> (-Dbudget.shard)"));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage());
        }
        Optional<JdkSettings> comparison = jdkComparison();
        if (comparison.isPresent() && shardSpec.isPresent()) {
            throw new MojoExecutionException("<shard> (-Dbudget.shard) cannot be combined with a JDK comparison (<jdks>,"
                    + " -Dbudget.jdks): budget:merge pools one run's forks, not a comparison's. Run the comparison unsharded,"
                    + " or leave out -Dbudget.jdks");
        }
        RunOverrides overrides = overrides(comparison.isPresent() ? comparison.get().jdks().get(0).java() : javaExecutable());
        Optional<PairedSettings> paired = comparison.isPresent() ? Optional.empty() : paired();
        Optional<String> pairedAgainst = paired.map(p -> against.strip());
        GateSettings settings = gateSettings(true);
        getLog().info("Running JMH benchmarks of " + project.getArtifactId() + (quick ? " (quick mode)" : "")
                + "; " + MavenReporter.forkLogs(settings, pairedAgainst).replaceFirst("^Fork", "fork"));
        StandardReporter reporter = MavenReporter.create(getLog(), settings, pairedAgainst);
        BudgetGate gate = new BudgetGate(statistics(), new ForkRunner(), reporter);
        GateOutcome outcome;
        try {
            outcome = comparison.isPresent()
                    ? gate.compareJdks(settings, overrides, comparison.get(), new MavenProgress(getLog()))
                    : gate.check(settings, overrides, adaptive, paired, shardSpec, new MavenProgress(getLog()));
        } catch (GateException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        if (shardSpec.isPresent()) {
            // a shard's verdicts are provisional: the merge job decides, so every shard's artifact reaches it
            MavenReporter.logNotes(getLog(), outcome);
            getLog().info("Shard " + shardSpec.get() + " done: " + outcome.failures().size() + " provisional failure(s);"
                    + " the build's verdict comes from mvn budget:merge -Dbudget.shards=... over all shards");
            return;
        }
        act(outcome, reporter);
    }

    private Optional<PairedSettings> paired() throws MojoExecutionException {
        Against source;
        try {
            source = Against.parse(against, "<against> (-Dbudget.against)");
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage());
        }
        if (source instanceof Against.History) {
            throw new MojoExecutionException("<against> (-Dbudget.against) is 'history', which budget:compare supports;"
                    + " budget:check compares with baseline, git:<ref>, git:baseline, artifact:<g>:<a>:<v> or classpath:<entries>");
        }
        if (!source.paired()) {
            return Optional.empty();
        }
        if (rounds != null && rounds < 2) {
            throw new MojoExecutionException("<rounds> (-Dbudget.rounds) must be 2 or more (paired mode estimates its noise"
                    + " from the spread of the rounds), not " + rounds);
        }
        Duration buildTimeout = duration(baselineBuildTimeout, "baselineBuildTimeout").orElseThrow();
        return Optional.of(new PairedSettings(source,
                new MavenBaselineCode(project, session, repositorySystem, buildTimeout),
                seed == null ? OptionalLong.empty() : OptionalLong.of(seed),
                rounds == null ? OptionalInt.empty() : OptionalInt.of(rounds)));
    }

    /** The JDK comparison {@code jdks} asks for, or empty when it lists no JDK. */
    private Optional<JdkSettings> jdkComparison() throws MojoExecutionException {
        List<String> entries = nonNull(jdks);
        if (entries.isEmpty()) {
            if (budgetJdk != null && !budgetJdk.isBlank()) {
                throw new MojoExecutionException("<budgetJdk> (-Dbudget.budgetJdk) names a JDK of a comparison, but <jdks>"
                        + " (-Dbudget.jdks) lists none");
            }
            return Optional.empty();
        }
        if (entries.size() < 2) {
            throw new MojoExecutionException("<jdks> (-Dbudget.jdks) lists " + entries.size() + " JDK; a comparison needs two"
                    + " or more (the first is the reference). To run on one JDK, use <jvm> or <jdkToolchain>");
        }
        boolean pairedToo;
        try {
            pairedToo = Against.parse(against, "<against> (-Dbudget.against)").paired();
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage());
        }
        if (pairedToo) {
            throw new MojoExecutionException("<jdks> (-Dbudget.jdks) compares JDKs and <against> (-Dbudget.against=" + against
                    + ") compares code versions; a build does one or the other. Run the JDK comparison with"
                    + " -Dbudget.against=baseline");
        }
        if (jvm != null || (jdkToolchain != null && !jdkToolchain.isEmpty())) {
            getLog().warn("<jdks> lists the JDKs of the comparison; <jvm> and <jdkToolchain> are not used");
        }
        if (!adaptiveTime(maxTime).isZero()) {
            getLog().info("<maxTime> (adaptive rounds) does not apply to a JDK comparison; failed checks are still confirmed"
                    + " (<confirm>)");
        }
        JdkSelection selection = new JdkSelection(JdkToolchains.of(toolchainManager, session));
        List<JdkComparison.Jdk> resolved = new ArrayList<>();
        Optional<String> budgetsOn = Optional.empty();
        for (String entry : entries) {
            JdkComparison.Jdk jdk = JdkComparison.Jdk.of(selection.entry(entry));
            getLog().info("JDK comparison: " + entry + " -> " + jdk.java());
            resolved.add(jdk);
            if (entry.equals(budgetJdk != null ? budgetJdk.trim() : null)) {
                budgetsOn = Optional.of(jdk.label());
            }
        }
        if (budgetsOn.isEmpty() && budgetJdk != null && !budgetJdk.isBlank()) {
            budgetsOn = Optional.of(budgetJdk.trim());
        }
        if (rounds != null && rounds < 2) {
            throw new MojoExecutionException("<rounds> (-Dbudget.rounds) must be 2 or more (a JDK comparison estimates its"
                    + " noise from the spread of the rounds), not " + rounds);
        }
        try {
            return Optional.of(new JdkSettings(resolved, budgetsOn, seed == null ? OptionalLong.empty() : OptionalLong.of(seed),
                    rounds == null ? OptionalInt.empty() : OptionalInt.of(rounds)));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("<jdks> (-Dbudget.jdks) / <budgetJdk> (-Dbudget.budgetJdk): " + e.getMessage());
        }
    }

    private RunOverrides overrides(Path java) throws MojoExecutionException {
        List<Path> classpath = new ArrayList<>();
        try {
            for (String element : project.getTestClasspathElements()) {
                classpath.add(Path.of(element));
            }
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("Cannot resolve the test classpath of " + project.getId() + ": " + e.getMessage(), e);
        }
        JmhOptions run = new JmhOptions(
                count(forks, "forks", 1, "; 0 runs the benchmarks inside JMH's own JVM, where one benchmark's JIT"
                        + " profile and heap distort the next: use 1 for a short run"),
                count(warmupIterations, "warmupIterations", 0, ""),
                duration(warmupTime, "warmupTime"),
                count(measurementIterations, "measurementIterations", 1, "; 0 measurement iterations measure nothing"),
                duration(measurementTime, "measurementTime"),
                profilers == null || profilers.isEmpty() ? Optional.empty() : Optional.of(profilers),
                nonNull(jvmArgs));
        return new RunOverrides(java, classpath, project.getBasedir().toPath(),
                nonNull(includes), nonNull(excludes), run, jmhArgs(jmhArgs),
                duration(timeout, "timeout").orElseThrow(), quick, confirm);
    }

    /** The extra JMH arguments, split as a POSIX shell would ({@link ShellWords}). */
    static List<String> jmhArgs(String line) throws MojoExecutionException {
        if (line == null || line.isBlank()) {
            return List.of();
        }
        try {
            return ShellWords.split(line);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("<jmhArgs> (-Dbudget.jmhArgs) cannot be split into arguments: " + e.getMessage());
        }
    }

    /** The JVM of a one-JDK run ({@link JdkSelection}: jvm, jdkToolchain, the toolchains plugin's, Maven's). */
    private Path javaExecutable() throws MojoExecutionException {
        JdkSelection.Selected selected = new JdkSelection(JdkToolchains.of(toolchainManager, session)).single(jvm, jdkToolchain);
        getLog().info("Benchmarks run on " + selected.java() + " (" + selected.source() + ")");
        return selected.java();
    }

    /** {@code 0} or nothing switches adaptive measurement off; anything else must be a positive time. */
    static Duration adaptiveTime(String text) throws MojoExecutionException {
        if (text == null || text.isBlank() || text.trim().equals("0")) {
            return Duration.ZERO;
        }
        Duration d = BudgetFileParser.duration(text.trim());
        if (d == null || d.isNegative()) {
            throw new MojoExecutionException("<maxTime> (-Dbudget.maxTime) must be a time such as 90s or 10m, or 0 to switch"
                    + " adaptive measurement off, not '" + text + "'");
        }
        return d;
    }

    /**
     * A JMH count given in the POM or on the command line: at least {@code min}, else an error naming
     * the parameter, with {@code hint} appended. A warmup of 0 iterations is allowed (no warmup).
     */
    static Optional<Integer> count(Integer value, String parameter, int min, String hint) throws MojoExecutionException {
        if (value == null) {
            return Optional.empty();
        }
        if (value < min) {
            throw new MojoExecutionException("<" + parameter + "> (-Dbudget." + parameter + ") must be " + min
                    + " or more, not " + value + hint);
        }
        return Optional.of(value);
    }

    static Optional<Duration> duration(String text, String parameter) throws MojoExecutionException {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Duration d = BudgetFileParser.duration(text);
        if (d == null || d.isZero() || d.isNegative()) {
            throw new MojoExecutionException("<" + parameter + "> (-Dbudget." + parameter + ") must be a positive time such as"
                    + " 500ms, 1s or 30m, not '" + text + "'");
        }
        return Optional.of(d);
    }

    private static List<String> nonNull(List<String> values) {
        if (values == null) {
            return List.of();
        }
        List<String> cleaned = new ArrayList<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                cleaned.add(v.trim());
            }
        }
        return cleaned;
    }
}
