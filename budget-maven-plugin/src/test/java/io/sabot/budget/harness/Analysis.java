package io.sabot.budget.harness;

import io.sabot.budget.core.check.Statistics;
import io.sabot.budget.core.io.ResultFileException;
import io.sabot.budget.core.model.BenchmarkResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The second half of the harness: reads the measured pools, judges every simulated build of every
 * build kind and setting with the plugin's rule and the naive rule, and writes the report.
 */
final class Analysis {

    static final double THRESHOLD = 0.10;

    /**
     * The build kinds judged, all cut from the same pool forks (7 iterations of 200 ms each): the
     * plugin's quick mode against a baseline of the same kind and against one recorded with 5 forks
     * (as the README recommends), one fork with more measurement, two forks (the fork count of the
     * engine suite's budget file, with 200 ms iterations instead of 1 s) and three.
     */
    static final List<BuildSettings> BUILD_KINDS = List.of(
            new BuildSettings("quick", 1, 2, 3),
            new BuildSettings("quick, 5-fork baseline", 1, 5, 2, 3),
            new BuildSettings("1 fork", 1, 2, 5),
            new BuildSettings("2 forks", 2, 2, 5),
            new BuildSettings("3 forks", 3, 2, 5));

    private Analysis() {
    }

    static void run(List<Pool> pools, PoolRunner runner, Path output) throws java.io.IOException, ResultFileException {
        Map<String, PoolMeasurement> measured = new LinkedHashMap<>();
        for (Pool pool : pools) {
            measured.put(pool.name(), PoolMeasurement.read(pool, runner.directoryOf(pool)));
        }
        Conditions conditions = Conditions.of(new ArrayList<>(measured.values()));
        List<QualityRow> rows = new ArrayList<>();
        for (BuildSettings kind : BUILD_KINDS) {
            for (Setting setting : Setting.standard()) {
                rows.add(evaluate(setting, kind, measured, conditions.overheadSecondsPerFork()));
                System.out.println("[verdict-quality] judged " + kind.name() + " / " + setting.name());
            }
        }
        BuildSettings quick = BUILD_KINDS.get(0);
        NoiseProfile noise = NoiseProfile.of(measured.get(pools.get(0).name()).forks(), quick);
        QualityReport.write(output, QualityReport.render(conditions, noise, "pool " + pools.get(0).name() + ", every fork cut to "
                + quick.warmup() + " warmup + " + quick.measurement() + " measurement iterations", rows));
        System.out.println("[verdict-quality] wrote " + output);
    }

    static QualityRow evaluate(Setting setting, BuildSettings kind, Map<String, PoolMeasurement> pools, double overheadPerFork) {
        PluginRule plugin = new PluginRule(Statistics.standard());
        NaiveRule naive = new NaiveRule(THRESHOLD);
        VerdictTally first = new VerdictTally();
        VerdictTally confirmed = new VerdictTally();
        VerdictTally naiveTally = new VerdictTally();
        double perBenchmark = kind.secondsPerBenchmark(overheadPerFork, PoolRunner.ITERATION_TIME.toMillis() / 1000.0);
        double rerunSeconds = 0;
        int independent = 0;
        List<Double> slowdowns = new ArrayList<>();
        List<Comparison> comparisons = new ArrayList<>();
        if (setting.withinPools().isEmpty()) {
            Map<BenchmarkResult, List<double[]>> base = forks(pools, setting.baselinePool());
            Map<BenchmarkResult, List<double[]>> current = forks(pools, setting.currentPool());
            int baseGroups = kind.baselineSide().groups(pools.get(setting.baselinePool()).pool().forks());
            int currentGroups = kind.groups(pools.get(setting.currentPool()).pool().forks());
            if (currentGroups >= 2) {
                comparisons.add(new Comparison(base, current, BuildDraw.acrossPools(baseGroups, currentGroups)));
                independent += Math.min(baseGroups, currentGroups);
            }
            slowdowns.add(Builds.measuredSlowdown(base, current, kind));
        } else {
            for (String name : setting.withinPools()) {
                Map<BenchmarkResult, List<double[]>> pool = forks(pools, name);
                int groups = kind.groups(pools.get(name).pool().forks());
                // Within one pool the three groups must be the same size: no builds with a larger baseline.
                List<BuildDraw> draws = kind.baselineForks() == kind.forks() ? BuildDraw.withinPool(groups) : List.of();
                comparisons.add(new Comparison(pool, pool, draws));
                independent += draws.isEmpty() ? 0 : groups / 2;
            }
        }
        for (Comparison comparison : comparisons) {
            for (BuildDraw draw : comparison.draws()) {
                List<BenchmarkDraw> build = Builds.form(comparison.baseline(), comparison.current(), kind, draw);
                PluginRule.Outcome outcome = plugin.judge(build);
                first.add(outcome.firstRun());
                confirmed.add(outcome.confirmed());
                naiveTally.add(naive.judge(build));
                rerunSeconds += outcome.benchmarksRerun() * perBenchmark;
            }
        }
        int builds = first.builds();
        int benchmarks = pools.values().iterator().next().forks().size();
        return new QualityRow(setting, kind, builds, independent, first, confirmed, naiveTally,
                slowdowns.isEmpty() ? Double.NaN : slowdowns.get(0), benchmarks * perBenchmark,
                builds == 0 ? Double.NaN : rerunSeconds / builds);
    }

    private static Map<BenchmarkResult, List<double[]>> forks(Map<String, PoolMeasurement> pools, String name) {
        PoolMeasurement pool = pools.get(name);
        if (pool == null) {
            throw new IllegalArgumentException("no pool named " + name + " was measured");
        }
        return pool.forks();
    }

    /** Builds drawn from one baseline pool and one current pool (the same pool for A/A in one session). */
    private record Comparison(Map<BenchmarkResult, List<double[]>> baseline, Map<BenchmarkResult, List<double[]>> current,
                              List<BuildDraw> draws) {
    }
}
