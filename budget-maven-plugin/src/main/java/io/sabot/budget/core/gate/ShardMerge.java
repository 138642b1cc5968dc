package io.sabot.budget.core.gate;

import io.sabot.budget.core.io.ResultFileException;
import io.sabot.budget.core.io.ResultFiles;
import io.sabot.budget.core.io.ShardManifestFile;
import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.BenchmarkUnit;
import io.sabot.budget.core.model.Environment;
import io.sabot.budget.core.model.PairedRun;
import io.sabot.budget.core.model.RunResults;
import io.sabot.budget.core.model.ShardManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the shards of a sharded check, verifies that they are one suite measured once (every unit
 * exactly once, one environment, one budget file and baseline, one commit, one mode), and pools
 * their raw forks into one run. Every problem is collected and reported at once, naming the shard
 * and the fix; nothing is evaluated from shards that do not belong together.
 */
final class ShardMerge {

    /** One shard as read: its manifest, directory and forks (and the baseline side's, in paired mode). */
    record Shard(Path directory, ShardManifest manifest, RunResults results, Optional<RunResults> baselineSide) {
        String name() {
            return "shard " + manifest.shard() + " (" + directory + ")";
        }
    }

    /**
     * The shards pooled: this side's forks (and the baseline side's with every pair, in paired mode),
     * the confirmation reruns per round (stored mode), and what the evaluation needs from the manifests.
     */
    record Merged(List<Shard> shards, RunResults current, Optional<PairedRun> paired, List<RunResults> confirmations,
                  Environment environment, int looks, boolean subset, List<String> notes) {
    }

    /** What the merging build itself knows, to compare the shards with. */
    record Expected(String budgetFileSha256, Optional<String> baselineSha256, Optional<String> commit,
                    boolean acceptMixedEnvironments) {
    }

    private ShardMerge() {
    }

    /**
     * The directories holding a {@code shard.json}: each given directory that holds one, else those below
     * it (a CI job that downloaded every shard's artifact into one parent directory).
     */
    static List<Path> shardDirectories(List<Path> given) throws GateException {
        List<Path> found = new ArrayList<>();
        for (Path dir : given) {
            if (Files.isRegularFile(dir.resolve(ShardManifest.FILE_NAME))) {
                found.add(dir);
                continue;
            }
            if (!Files.isDirectory(dir)) {
                throw new GateException("<shards> (-Dbudget.shards) names " + dir + ", which is not a directory. Give the"
                        + " directories the shards' budget:check -Dbudget.shard=K/N wrote (target/budget), or their parent");
            }
            try (var walk = Files.walk(dir, 4)) {
                List<Path> below = walk.filter(p -> p.getFileName().toString().equals(ShardManifest.FILE_NAME))
                        .map(Path::getParent).sorted().toList();
                if (below.isEmpty()) {
                    throw new GateException(dir + " holds no " + ShardManifest.FILE_NAME + " (nor do its subdirectories): it is"
                            + " not the output of a sharded check. Run each shard with mvn verify -Dbudget.shard=K/N and pass"
                            + " their target/budget directories (or the directory their CI artifacts were downloaded into)"
                            + " to -Dbudget.shards");
                }
                found.addAll(below);
            } catch (java.io.IOException e) {
                throw new GateException("Cannot search " + dir + " for shards: " + e.getMessage(), e);
            }
        }
        return found;
    }

    static Merged merge(List<Path> directories, Expected expected) throws GateException {
        List<Shard> shards = new ArrayList<>();
        for (Path dir : directories) {
            shards.add(read(dir));
        }
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        checkShardNumbers(shards, problems);
        Shard first = shards.get(0);
        for (Shard s : shards) {
            ShardManifest m = s.manifest();
            if (!m.suite().equals(first.manifest().suite())) {
                problems.add(s.name() + " listed another suite than " + first.name() + " (" + difference(m.suite(),
                        first.manifest().suite()) + "): the shards ran different code, includes or excludes."
                        + " Run every shard of one build on one commit with the same parameters");
            }
            if (!m.budgetFileSha256().equals(expected.budgetFileSha256())) {
                problems.add(s.name() + " used another budget file than this merge (SHA-256 " + shortHash(m.budgetFileSha256())
                        + " vs " + shortHash(expected.budgetFileSha256()) + "): run every shard and the merge with the same"
                        + " performance-budgets.yml (-Dbudget.budgetFile)");
            }
            if (m.paired().isEmpty() && !m.baselineSha256().equals(expected.baselineSha256())) {
                problems.add(s.name() + " was judged against another stored baseline than this merge's (" + m.baselineSha256()
                        .map(ShardMerge::shortHash).orElse("none") + " vs " + expected.baselineSha256().map(ShardMerge::shortHash)
                        .orElse("none") + "): run every shard and the merge with the same -Dbudget.baselineFile");
            }
            if (m.paired().isPresent() != first.manifest().paired().isPresent()
                    || m.paired().isPresent() && !m.paired().get().baselineSource().equals(first.manifest().paired().get().baselineSource())) {
                problems.add(s.name() + " compared against " + against(m) + " but " + first.name() + " against " + against(first.manifest())
                        + ": run every shard with the same -Dbudget.against");
            }
            if (m.looks() != first.manifest().looks() || m.subset() != first.manifest().subset()) {
                problems.add(s.name() + " ran with other settings than " + first.name() + " (adaptive looks " + m.looks() + " vs "
                        + first.manifest().looks() + ", includes/excludes " + m.subset() + " vs " + first.manifest().subset()
                        + "): run every shard with the same -Dbudget.maxTime, maxRounds, includes and excludes");
            }
            checkCommit(s, first, expected, problems);
            List<String> differences = m.environment().differencesFrom(first.manifest().environment());
            if (!differences.isEmpty()) {
                if (expected.acceptMixedEnvironments()) {
                    notes.add("Shards ran in different environments, accepted by -Dbudget.acceptMixedEnvironments: " + s.name()
                            + " vs " + first.name() + ": " + String.join(", ", differences)
                            + ". Verdicts pool forks of different machines");
                } else {
                    problems.add(s.name() + " ran in another environment than " + first.name() + " (" + String.join(", ", differences)
                            + "): their forks are not one measurement. Run every shard on one agent type, or accept it with"
                            + " -Dbudget.acceptMixedEnvironments=true (the report then says so)");
                }
            }
        }
        checkUnits(shards, problems);
        if (!problems.isEmpty()) {
            throw new GateException("The shards cannot be merged:\n  - " + String.join("\n  - ", problems));
        }
        return pool(shards, notes);
    }

    private static Shard read(Path dir) throws GateException {
        ShardManifest manifest;
        try {
            manifest = ShardManifestFile.read(dir.resolve(ShardManifest.FILE_NAME));
        } catch (ResultFileException e) {
            throw new GateException("Cannot read a shard: " + e.getMessage(), e);
        }
        RunResults results = BudgetGate.readResults(dir.resolve("results.json"), "the forks of shard " + manifest.shard()
                + " (upload its whole target/budget directory as the shard's artifact)");
        Optional<RunResults> baseline = manifest.paired().isPresent()
                ? Optional.of(BudgetGate.readResults(dir.resolve(PairedCheck.BASELINE_RESULTS), "the baseline side of paired shard "
                + manifest.shard() + " (upload its whole target/budget directory as the shard's artifact)"))
                : Optional.empty();
        return new Shard(dir, manifest, results, baseline);
    }

    private static void checkShardNumbers(List<Shard> shards, List<String> problems) {
        int count = shards.get(0).manifest().shard().count();
        Map<Integer, Shard> byIndex = new TreeMap<>();
        for (Shard s : shards) {
            if (s.manifest().shard().count() != count) {
                problems.add(s.name() + " is one of " + s.manifest().shard().count() + " shards, " + shards.get(0).name()
                        + " one of " + count + ": merge the shards of one build");
            }
            Shard other = byIndex.putIfAbsent(s.manifest().shard().index(), s);
            if (other != null) {
                problems.add("shard " + s.manifest().shard() + " was given twice: " + other.directory() + " and " + s.directory()
                        + ": its benchmarks would count twice. Pass each shard's directory once");
            }
        }
        for (int k = 1; k <= count; k++) {
            if (!byIndex.containsKey(k)) {
                problems.add("shard " + k + "/" + count + " is missing: none of the directories holds it. Download its"
                        + " artifact too, or rerun it (mvn verify -Dbudget.shard=" + k + "/" + count + ")");
            }
        }
    }

    private static void checkCommit(Shard s, Shard first, Expected expected, List<String> problems) {
        Optional<String> commit = s.manifest().commit();
        if (commit.isPresent() && first.manifest().commit().isPresent() && !commit.equals(first.manifest().commit())) {
            problems.add(s.name() + " measured commit " + commit.get() + ", " + first.name() + " commit "
                    + first.manifest().commit().get() + ": a shard from another commit. Rerun the shards of one commit");
        } else if (commit.isPresent() && expected.commit().isPresent() && !commit.equals(expected.commit())) {
            problems.add(s.name() + " measured commit " + commit.get() + ", but this merge runs at commit "
                    + expected.commit().get() + ": a shard from another commit (a stale artifact?). Rerun the shards of this commit");
        }
    }

    /** Every unit of the suite in exactly one shard's results, and nothing else. */
    private static void checkUnits(List<Shard> shards, List<String> problems) {
        Map<BenchmarkUnit, List<Shard>> ranBy = new TreeMap<>();
        for (Shard s : shards) {
            Set<BenchmarkUnit> units = new LinkedHashSet<>();
            // a result belongs to the suite's unit that holds it (a whole benchmark holds all its combinations)
            s.results().results().forEach(r -> units.add(s.manifest().suite().stream().filter(u -> u.holds(r.key()))
                    .findFirst().orElse(BenchmarkUnit.of(r.key()))));
            units.forEach(u -> ranBy.computeIfAbsent(u, x -> new ArrayList<>()).add(s));
        }
        for (Map.Entry<BenchmarkUnit, List<Shard>> e : ranBy.entrySet()) {
            if (e.getValue().size() > 1) {
                problems.add(e.getKey().label() + " was run twice, by " + String.join(" and ", e.getValue().stream().map(Shard::name)
                        .toList()) + ": the shards split the suite differently (another baseline file or run settings?)."
                        + " Run every shard with the same parameters and baseline, or merge one of them only once");
            }
        }
        List<BenchmarkUnit> suite = shards.get(0).manifest().suite();
        for (BenchmarkUnit u : suite) {
            if (!ranBy.containsKey(u)) {
                String owner = shards.stream().filter(x -> x.manifest().units().contains(u))
                        .map(Shard::name).findFirst().orElse("a shard not given");
                problems.add(u.label() + " was run by no shard (assigned to " + owner + "): its forks are missing. Rerun that"
                        + " shard, or pass its directory too");
            }
        }
        for (Map.Entry<BenchmarkUnit, List<Shard>> e : ranBy.entrySet()) {
            if (!suite.contains(e.getKey())) {
                problems.add(e.getKey().label() + " is not in the suite the shards listed, yet " + e.getValue().get(0).name()
                        + " ran it: its results.json holds forks of another build. Rerun that shard");
            }
        }
    }

    private static Merged pool(List<Shard> shards, List<String> notes) throws GateException {
        shards = shards.stream().sorted(java.util.Comparator.comparingInt(s -> s.manifest().shard().index())).toList();
        List<BenchmarkResult> current = new ArrayList<>();
        List<BenchmarkResult> baseline = new ArrayList<>();
        List<PairedRun.Pair> pairs = new ArrayList<>();
        List<String> seeds = new ArrayList<>();
        int confirmations = 0;
        for (Shard s : shards) {
            current.addAll(s.results().results());
            s.baselineSide().ifPresent(b -> baseline.addAll(b.results()));
            s.manifest().paired().ifPresent(p -> {
                pairs.addAll(p.pairs());
                seeds.add(s.manifest().shard() + ": " + p.seed());
            });
            confirmations = Math.max(confirmations, s.manifest().confirmations().size());
        }
        ShardManifest first = shards.get(0).manifest();
        notes.add(0, "Merged " + shards.size() + " shards of " + first.shard().count() + ": " + current.size()
                + " result(s) of " + first.suite().size() + " unit(s), every unit measured by exactly one shard"
                + first.commit().map(c -> ", commit " + c).orElse(""));
        RunResults pooled = new RunResults("merged shards", current, Optional.empty(), Optional.empty(), Optional.empty());
        Optional<PairedRun> paired = Optional.empty();
        if (first.paired().isPresent()) {
            notes.add("Each shard paired its own units; the order within its pairs was drawn from its own seed ("
                    + String.join(", ", seeds) + ")");
            RunResults then = new RunResults("merged shards (baseline code)", baseline, Optional.empty(), Optional.empty(),
                    Optional.empty());
            paired = Optional.of(new PairedRun(first.paired().get().baselineSource(), then, first.paired().get().seed(), pairs));
        }
        List<RunResults> reruns = new ArrayList<>();
        for (int round = 0; round < confirmations; round++) {
            List<BenchmarkResult> rerun = new ArrayList<>();
            for (Shard s : shards) {
                if (round < s.manifest().confirmations().size()) {
                    Path file = s.directory().resolve(s.manifest().confirmations().get(round));
                    for (BenchmarkResult r : BudgetGate.readResults(file, "confirmation rerun " + (round + 1) + " of shard "
                            + s.manifest().shard()).results()) {
                        // a rerun by name measured every @Param value; only the shard's own units are its evidence
                        if (s.manifest().units().stream().anyMatch(u -> u.holds(r.key()))) {
                            rerun.add(r);
                        }
                    }
                }
            }
            reruns.add(new RunResults("confirmation rerun " + (round + 1), rerun, Optional.empty(), Optional.empty(),
                    Optional.empty()));
        }
        return new Merged(shards, pooled, paired, reruns, first.environment(), first.looks(), first.subset(), notes);
    }

    private static String difference(List<BenchmarkUnit> one, List<BenchmarkUnit> other) {
        List<String> onlyOne = one.stream().filter(u -> !other.contains(u)).map(BenchmarkUnit::label).limit(3).toList();
        List<String> onlyOther = other.stream().filter(u -> !one.contains(u)).map(BenchmarkUnit::label).limit(3).toList();
        return one.size() + " vs " + other.size() + " units" + (onlyOne.isEmpty() ? "" : "; only in the first: " + onlyOne)
                + (onlyOther.isEmpty() ? "" : "; only in the other: " + onlyOther);
    }

    private static String against(ShardManifest m) {
        return m.paired().map(p -> "the baseline code " + p.baselineSource()).orElse("the stored baseline");
    }

    private static String shortHash(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) : sha;
    }
}
