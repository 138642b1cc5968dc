package io.sabot.budget.harness;

import io.sabot.budget.core.fork.ForkException;
import io.sabot.budget.core.fork.ForkListener;
import io.sabot.budget.core.gate.GateException;
import io.sabot.budget.core.io.ResultFileException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The verdict-quality harness: measures the fixture's pools with JMH ({@code --measure}), then forms
 * simulated builds from the measured forks, judges them with the plugin's statistics and the naive
 * rule, and writes the Markdown report. {@code --analyze} redoes only the second half from pools
 * already on disk; {@code --resume} measures only the pools not yet complete. {@code --paired} runs a
 * session of real builds instead, paired and stored-baseline ({@link PairedSession}), and
 * {@code --paired-analyze} reports those recorded so far; {@code --paired-replay} re-judges their forks with
 * the statistics as they are now ({@link PairedReplay}). Run it through Maven:
 * {@code ./mvnw -B -pl budget-maven-plugin -Pverdict-quality verify} (with
 * {@code -DverdictQuality.args=--paired} for real builds).
 */
public final class VerdictQualityHarness {

    /** Iterations per fork of every pool (the forks per pool are in {@link Pool#plan}). */
    static final int POOL_ITERATIONS = 7;

    private VerdictQualityHarness() {
    }

    public static void main(String[] args) {
        HarnessOptions options;
        try {
            options = HarnessOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("verdict-quality: " + e.getMessage());
            System.exit(2);
            return;
        }
        List<Pool> pools = Pool.plan(POOL_ITERATIONS);
        PoolRunner runner = new PoolRunner(options.work());
        try {
            if (options.replay()) {
                PairedReplay.run(options.work(), options.output());
                return;
            }
            if (options.paired()) {
                if (options.measure()) {
                    PairedSession.measure(options.pairedPlan(), options.work(), options.records(), options.storedBaseline());
                }
                PairedSession.report(options.records(), options.output());
                return;
            }
            if (options.measure()) {
                measure(pools, runner, options.resume());
            }
            if (options.analyze()) {
                Analysis.run(pools, runner, options.output());
            }
        } catch (ForkException | GateException | IOException | ResultFileException | IllegalArgumentException
                 | IllegalStateException e) {
            // The messages name the pool, file or fork log to look at; a stack trace would bury them.
            System.err.println("verdict-quality failed: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void measure(List<Pool> pools, PoolRunner runner, boolean resume) throws IOException, ForkException {
        Instant start = Instant.now();
        for (Pool pool : pools) {
            if (resume && runner.isMeasured(pool)) {
                System.out.println("[verdict-quality] pool " + pool.name() + " already measured, kept (--resume)");
                continue;
            }
            System.out.println("[verdict-quality] measuring pool " + pool.name() + " (slowdown " + pool.slowdownLabel() + ", "
                    + pool.forks() + " forks x " + pool.iterations() + " iterations per benchmark), load " + PoolRunner.loadAverage());
            runner.measure(pool, new ForkListener() {
                @Override
                public void progress(String percentComplete, String eta) {
                    System.out.println("[verdict-quality]   " + pool.name() + ": " + percentComplete + ", ETA " + eta);
                }
            });
        }
        System.out.println("[verdict-quality] measured " + pools.size() + " pools in "
                + Duration.between(start, Instant.now()).toMinutes() + " min");
    }
}
