package io.sabot.budget.harness;

import io.sabot.budget.core.check.CheckKind;
import io.sabot.budget.core.check.CheckResult;
import io.sabot.budget.core.check.Statistics;
import io.sabot.budget.core.fork.ForkListener;
import io.sabot.budget.core.fork.ForkRunner;
import io.sabot.budget.core.gate.AdaptiveSettings;
import io.sabot.budget.core.gate.BaselineRecorder;
import io.sabot.budget.core.gate.BaselineRefusedException;
import io.sabot.budget.core.gate.BudgetGate;
import io.sabot.budget.core.gate.GateException;
import io.sabot.budget.core.gate.GateOutcome;
import io.sabot.budget.core.gate.GateSettings;
import io.sabot.budget.core.gate.PairedSettings;
import io.sabot.budget.core.gate.RunOverrides;
import io.sabot.budget.core.gate.StandardReporter;
import io.sabot.budget.core.io.ResultFileException;
import io.sabot.budget.core.io.ResultFiles;
import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.RunResults;
import io.sabot.budget.core.paired.Against;
import io.sabot.budget.core.paired.BaselineCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one real build of the fixture through {@link BudgetGate#check} with the plugin's own
 * {@link ForkRunner}: in paired mode the baseline code (the unchanged fixture) is measured beside the
 * current code pair by pair, exactly as {@code budget:check -Dbudget.against=classpath:...} does; in
 * stored-baseline mode the current code is measured alone and judged against a baseline file recorded
 * earlier in the session with {@code budget:baseline}'s recorder.
 *
 * <p>Both modes run the same JMH settings and the same adaptive and confirmation settings, chosen so
 * that no benchmark gets more than 10 s of measurement per side (JMH's measurement iterations; the warm-up
 * iteration before them is not measurement, as JMH's own output separates the two): iterations of 200 ms,
 * 1 warmup + 3 measurement per fork (0.6 s measured), {@link #ROUNDS} rounds (paired) or forks (stored) at
 * the first look, at most {@link #MAX_ROUNDS} adaptive looks of as many more, and one confirmation of as
 * many more: 16 forks, 9.6 s measured (12.8 s with the warm-up). Looks of 4 rather than the plugin's
 * default 3 rounds: at the round noise of the loaded phase (3-5%) 12 rounds cannot tell +15% from the 10%
 * threshold often enough, and the budget pays for 16 (docs/verdict-quality.md).
 * The adaptive time budget {@link #MAX_TIME} is set wide, so the cap on looks (which also fixes the
 * Bonferroni split over looks) is what bounds the measurement, not the machine's speed that day.
 */
final class PairedBuildRunner {

    /** The 20 benchmarks as separate methods, so that paired mode groups them by three (see {@link CalibratedWorkMethods}). */
    static final String INCLUDE = "io.sabot.budget.harness.CalibratedWorkMethods.work*";
    static final Duration ITERATION = Duration.ofMillis(200);
    static final int WARMUP_ITERATIONS = 1;
    static final int MEASUREMENT_ITERATIONS = 3;
    /** Rounds of a paired build's first look, and of each adaptive look and confirmation after it. */
    static final int ROUNDS = 4;
    /** Forks of a stored-mode build and of its baseline: as many as a paired build's first-look rounds. */
    static final int STORED_FORKS = ROUNDS;
    /** The first rounds (paired) or forks (stored) whose spread a record keeps as the build's noise, the same in every record. */
    static final int NOISE_ROUNDS = 3;
    static final int MAX_ROUNDS = 2;
    static final Duration MAX_TIME = Duration.ofMinutes(15);
    static final int CONFIRM = 1;

    private final Path java;
    private final PairedCode code;
    private final Statistics statistics = Statistics.standard();

    PairedBuildRunner(Path java, PairedCode code) {
        this.java = java;
        this.code = code;
    }

    /** Measurement per fork: JMH's measurement iterations (the warm-up before them is not counted). */
    static double secondsPerFork() {
        return MEASUREMENT_ITERATIONS * ITERATION.toMillis() / 1000.0;
    }

    static AdaptiveSettings adaptive() {
        return new AdaptiveSettings(MAX_TIME, MAX_ROUNDS);
    }

    /**
     * Measures the unchanged code with {@link #STORED_FORKS} forks and stores it as {@code baselineFile}
     * the way {@code budget:baseline} does (environment and machine-speed probe included).
     */
    void recordBaseline(Path directory, Path baselineFile) throws GateException, IOException {
        Files.createDirectories(directory);
        GateSettings settings = settings(directory, directory.resolve("none.json"));
        GateOutcome outcome = gate(settings).check(settings, overrides(directory, code.classpath(0), STORED_FORKS, 0), AdaptiveSettings.OFF,
                Optional.empty(), ForkListener.NONE);
        if (outcome.hasProblems()) {
            throw new GateException("the stored baseline could not be measured: " + outcome.evaluation().problems());
        }
        try {
            new BaselineRecorder(statistics).record(settings(directory, baselineFile), directory.resolve("results.json"),
                    Optional.of("verdict-quality session baseline"), Instant.now(), java);
        } catch (BaselineRefusedException e) {
            throw new GateException(e.getMessage(), e);
        }
    }

    /** One build; {@code storedBaseline} is used in stored mode only. */
    BuildRecord run(String session, int index, PairedPlan.Step step, long seed, Path directory, Path storedBaseline)
            throws IOException {
        Files.createDirectories(directory);
        String loadBefore = PoolRunner.loadAverage();
        Instant start = Instant.now();
        String error = "";
        List<BuildRecord.Check> checks = List.of();
        double measured = Double.NaN;
        double baselineMeasured = Double.NaN;
        double noise = Double.NaN;
        try {
            boolean paired = step.mode() == PairedPlan.Mode.PAIRED;
            GateSettings settings = settings(directory, paired ? directory.resolve("no-stored-baseline.json") : storedBaseline);
            List<Path> current = code.classpath(step.slowdown());
            GateOutcome outcome;
            if (paired) {
                List<Path> baseline = code.classpath(0);
                PairedSettings pairedSettings = new PairedSettings(new Against.ClassPath(baseline),
                        (against, commit, listener) -> new BaselineCode("classpath:" + PairedCode.label(0), baseline),
                        OptionalLong.of(seed), OptionalInt.of(ROUNDS));
                outcome = gate(settings).check(settings, overrides(directory, current, 1, CONFIRM), adaptive(), Optional.of(pairedSettings),
                        ForkListener.NONE);
            } else {
                outcome = gate(settings).check(settings, overrides(directory, current, STORED_FORKS, CONFIRM), adaptive(), Optional.empty(),
                        ForkListener.NONE);
            }
            checks = checks(outcome);
            RunResults now = ResultFiles.read(directory.resolve("results.json"));
            RunResults then = ResultFiles.read(paired ? directory.resolve("baseline-results.json") : storedBaseline);
            int confirmationForks = paired ? 0 : checks.stream().anyMatch(c -> c.confirmed() || c.overturned()) ? STORED_FORKS : 0;
            measured = (maxForks(now) + confirmationForks) * secondsPerFork();
            baselineMeasured = maxForks(then) * secondsPerFork();
            noise = paired ? Noise.pairedRoundNoise(now, then, NOISE_ROUNDS) : Noise.forkNoise(now, NOISE_ROUNDS);
        } catch (GateException | ResultFileException | RuntimeException e) {
            // The first line names the failure; the fork log it points to has the rest.
            String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            error = e.getClass().getSimpleName() + ": " + (message.length() > 300 ? message.substring(0, 300) + "..." : message)
                    + " (" + directory + ")";
        }
        return new BuildRecord(session, index, step.mode().label(), step.load().label(), step.slowdown(), start.toString(),
                Duration.between(start, Instant.now()).toMillis() / 1000.0, loadBefore, PoolRunner.loadAverage(), seed, measured,
                baselineMeasured, noise, checks, error, ROUNDS);
    }

    private BudgetGate gate(GateSettings settings) {
        return new BudgetGate(statistics, new ForkRunner(), new StandardReporter(settings, line -> {
        }, Instant.now(), List.of()));
    }

    private static GateSettings settings(Path directory, Path baselineFile) {
        return new GateSettings(directory.resolve("performance-budgets.yml"), false, baselineFile, directory, true, false, false,
                Optional.empty(), Optional.empty(), "verdict-quality", Optional.empty(), 20);
    }

    private RunOverrides overrides(Path directory, List<Path> classpath, int forks, int confirm) {
        return new RunOverrides(java, classpath, directory, List.of(INCLUDE), List.of(),
                new io.sabot.budget.core.model.JmhOptions(Optional.of(forks), Optional.of(WARMUP_ITERATIONS), Optional.of(ITERATION),
                        Optional.of(MEASUREMENT_ITERATIONS), Optional.of(ITERATION), Optional.of(List.of()), List.of()),
                List.of(), Duration.ofMinutes(30), false, confirm);
    }

    /** The regression checks of a build with the look that decided each (from the gate's notes). */
    static List<BuildRecord.Check> checks(GateOutcome outcome) {
        List<BuildRecord.Check> out = new ArrayList<>();
        for (CheckResult r : outcome.evaluation().results()) {
            if (r.kind() != CheckKind.REGRESSION) {
                continue;
            }
            CheckResult.Slowdown s = r.slowdown().orElse(new CheckResult.Slowdown(Double.NaN, Double.NaN, Double.NaN, Double.NaN));
            out.add(new BuildRecord.Check(r.benchmark().label(), r.verdict().name(), s.estimate(), s.low(), s.high(),
                    s.threshold(), look(r.notes()), r.notes().stream().anyMatch(n -> n.startsWith("confirmed by rerun")),
                    r.notes().stream().anyMatch(n -> n.startsWith("failed in the first run"))));
        }
        return out;
    }

    /**
     * The look that decided a check, from the gate's notes: "decided at look N after more paired rounds"
     * (paired) or "decided at adaptive round N" (stored, look N + 1); 1 without such a note.
     */
    private static final Pattern PAIRED_LOOK = Pattern.compile("decided at look (\\d+)");
    private static final Pattern STORED_ROUND = Pattern.compile("decided at adaptive round (\\d+)");

    static int look(List<String> notes) {
        for (String n : notes) {
            Matcher paired = PAIRED_LOOK.matcher(n);
            if (paired.find()) {
                return Integer.parseInt(paired.group(1));
            }
            Matcher stored = STORED_ROUND.matcher(n);
            if (stored.find()) {
                return Integer.parseInt(stored.group(1)) + 1;
            }
        }
        return 1;
    }

    private static int maxForks(RunResults results) {
        return results.results().stream().map(BenchmarkResult::primary).mapToInt(m -> m.rawData().size()).max().orElse(0);
    }
}
