package io.sabot.budget.core.gate;

import io.sabot.budget.core.check.Evaluation;
import io.sabot.budget.core.fork.ForkListener;
import io.sabot.budget.core.fork.ForkSettings;
import io.sabot.budget.core.fork.ListedBenchmark;
import io.sabot.budget.core.history.CommitId;
import io.sabot.budget.core.io.FileDigest;
import io.sabot.budget.core.io.RecordedRunSettings;
import io.sabot.budget.core.io.ResultFileException;
import io.sabot.budget.core.io.ShardManifestFile;
import io.sabot.budget.core.model.BenchmarkUnit;
import io.sabot.budget.core.model.Environment;
import io.sabot.budget.core.model.JmhOptions;
import io.sabot.budget.core.model.PairedRun;
import io.sabot.budget.core.model.ShardManifest;
import io.sabot.budget.core.model.ShardSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One shard of a sharded check: the split of the suite it computed, the units it measures, and the
 * manifest it leaves beside its results for budget:merge.
 */
final class ShardRecord {

    /** Lists the benchmarks, with their @Param values, that a classpath holds for the settings' includes/excludes. */
    interface Lister {
        List<ListedBenchmark> list(ForkSettings settings) throws GateException;
    }

    private final ShardSpec spec;
    private final List<BenchmarkUnit> suite;
    private final List<BenchmarkUnit> units;
    private final Optional<String> commit;
    private final boolean subset;

    private ShardRecord(ShardSpec spec, List<BenchmarkUnit> suite, List<BenchmarkUnit> units, Optional<String> commit,
                        boolean subset) {
        this.spec = spec;
        this.suite = List.copyOf(suite);
        this.units = List.copyOf(units);
        this.commit = commit;
        this.subset = subset;
    }

    /**
     * Lists the suite with JMH's {@code -lp} and takes this shard's part of the {@link ShardPlan}, each
     * unit weighed by this build's run settings over those the stored baseline recorded for it: the
     * committed baseline, not a previous results.json, because every shard must weigh with the same input.
     */
    static ShardRecord plan(ShardSpec spec, GateSettings settings, RunOverrides overrides, ForkSettings fork,
                            Lister lister, ForkListener listener) throws GateException {
        List<BenchmarkUnit> suite = units(lister.list(fork.writingTo(settings.outputDirectory().resolve("shard").resolve("list"))),
                fork.jmhArgs().contains("-p"));
        if (suite.isEmpty()) {
            throw new GateException("No benchmarks to shard: JMH lists none for <includes>/<excludes>"
                    + " (-Dbudget.includes/-Dbudget.excludes)");
        }
        Map<BenchmarkUnit, List<JmhOptions>> recorded = Map.of();
        if (Files.exists(settings.baselineFile())) {
            try {
                recorded = RecordedRunSettings.read(settings.baselineFile());
            } catch (ResultFileException e) {
                throw new GateException("Cannot read the baseline to weigh the shards: " + e.getMessage(), e);
            }
        }
        Map<BenchmarkUnit, List<JmhOptions>> weights = recorded;
        ShardPlan plan = ShardPlan.assign(suite, u -> ShardPlan.expectedMillis(u, fork.jmh(), weights), spec.count());
        if (plan.of(spec).isEmpty()) {
            throw new GateException("Shard " + spec + " has no benchmarks: the suite has " + suite.size() + " unit(s) (a"
                    + " benchmark at one @Param combination) for " + spec.count() + " shards. Use at most " + suite.size()
                    + " shards (-Dbudget.shard=K/N)");
        }
        listener.note(plan.describe(spec) + (recorded.isEmpty() ? "; weighed by the run settings (no stored baseline"
                + " recorded the benchmarks' own)" : "; weighed by the run settings and those " + settings.baselineFile()
                + " recorded"));
        return new ShardRecord(spec, suite, plan.of(spec), CommitId.resolve(System.getenv(), overrides.workingDirectory()),
                !overrides.includes().isEmpty() || !overrides.excludes().isEmpty());
    }

    /**
     * The units of JMH's listing: a benchmark at each combination of its values, or the whole benchmark
     * as one unit when its values cannot all be pinned or the user pins values with {@code -p} in jmhArgs.
     */
    static List<BenchmarkUnit> units(List<ListedBenchmark> listed, boolean userPins) {
        List<BenchmarkUnit> units = new ArrayList<>();
        for (ListedBenchmark b : listed) {
            if (userPins || !b.pinnable()) {
                units.add(new BenchmarkUnit(b.name(), Map.of()));
            } else {
                b.combinations().forEach(c -> units.add(new BenchmarkUnit(b.name(), c)));
            }
        }
        return units;
    }

    List<BenchmarkUnit> units() {
        return units;
    }

    /** This shard's units of these benchmarks. */
    List<BenchmarkUnit> unitsOf(java.util.Set<String> benchmarks) {
        return units.stream().filter(u -> benchmarks.contains(u.benchmark())).toList();
    }

    /** Writes {@code shard.json} into the output directory, beside results.json. */
    void write(GateSettings settings, Environment environment, int looks, Optional<PairedRun> paired,
               List<String> confirmations) throws GateException {
        Path file = settings.outputDirectory().resolve(ShardManifest.FILE_NAME);
        try {
            Optional<String> baseline = Files.exists(settings.baselineFile())
                    ? Optional.of(FileDigest.sha256(settings.baselineFile())) : Optional.empty();
            ShardManifest manifest = new ShardManifest(spec, suite, units, commit, environment,
                    FileDigest.sha256(settings.budgetFile()), baseline, looks, subset,
                    paired.map(p -> new ShardManifest.Paired(p.baselineSource(), p.seed(), p.pairs())), confirmations);
            ShardManifestFile.write(file, manifest);
        } catch (IOException e) {
            throw new GateException("Cannot write the shard manifest " + file + ": " + e.getMessage(), e);
        }
    }

    /** The shard's own verdicts, with the note that they are provisional. */
    Evaluation provisional(Evaluation evaluation) {
        List<String> notes = new ArrayList<>(evaluation.notes());
        notes.add(0, "Shard " + spec + ": " + units.size() + " of " + suite.size() + " units measured. These verdicts judge"
                + " this shard alone (its statistics see only its own benchmarks) and do not fail the build; mvn budget:merge"
                + " -Dbudget.shards=<the shards' target/budget directories> gives the build's verdicts");
        return new Evaluation(evaluation.results(), evaluation.problems(), notes);
    }
}
