package io.sabot.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sabot.engine.checkpoint.CheckpointStorage;
import io.sabot.engine.checkpoint.PausePoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kills the fraud pipeline with SIGKILL in a child JVM at chosen moments (a named {@link PausePoint}
 * inside a checkpoint write, between snapshot and manifest, inside an alert commit, during recovery,
 * or after a random delay), restarts it until it finishes, and checks that the committed alerts and
 * the final state are exactly those of an uninterrupted run.
 *
 * <p>{@code -Dsabot.crash.trials=N} trials per backend (3 in the default build, 100 with
 * {@code -Pcrash}); {@code -Dsabot.crash.seed=S} chooses the scenarios;
 * {@code -Dsabot.crash.backends=rocksdb} runs one backend only. A failure names the seed
 * and the trial, which replay exactly the same kills.
 */
class CheckpointCrashTest {

    static final long EVENTS_PER_PARTITION = 2_500;
    /** 10,000 events and a checkpoint every 1,000: about nine checkpoints reach each point. */
    static final int CHECKPOINT_OCCURRENCES = 8;
    static final int COMMIT_OCCURRENCES = 9;
    static final List<String> CHILD_JVM = List.of("-Xmx48m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /** Points in the normal run: every step of a checkpoint and of an alert commit. */
    static final List<String> RUN_POINTS = List.of(
            FraudPipeline.PAUSE_SNAPSHOT_TAKEN,
            CheckpointStorage.PAUSE_FILES_MOVED,
            CheckpointStorage.PAUSE_BEFORE_MANIFEST,
            CheckpointStorage.PAUSE_TORN_MANIFEST,
            CheckpointStorage.PAUSE_BEFORE_RENAME,
            CheckpointStorage.PAUSE_BEFORE_RETENTION,
            FraudPipeline.PAUSE_BEFORE_COMMIT,
            AlertLogFile.TORN_COMMIT);
    /** Points in recovery, for a second kill while the first one is being repaired. */
    static final List<String> RECOVERY_POINTS = List.of(
            FraudPipeline.PAUSE_RECOVERY_CHOSEN,
            FraudPipeline.PAUSE_RECOVERY_RESTORED,
            FraudPipeline.PAUSE_RECOVERY_RECOMMITTED);

    private static final Map<String, Reference> REFERENCES = new TreeMap<>();

    @TempDir
    Path dir;
    String nativeLibraryOption;

    /**
     * Every child JVM would otherwise extract RocksDB's 17 MB native library to a temporary file
     * again; extracted once, it is found on {@code java.library.path}, which RocksDB tries first.
     */
    private String rocksDbLibraryOption() throws IOException {
        String name = "librocksdbjni-linux64.so";
        try (var in = org.rocksdb.RocksDB.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null || !System.getProperty("os.name").startsWith("Linux") || !System.getProperty("os.arch").equals("amd64")) {
                return null; // another platform: each child extracts its own copy
            }
            Path lib = Files.createDirectories(dir.resolve("native"));
            Files.copy(in, lib.resolve(name));
            return "-Djava.library.path=" + lib;
        }
    }

    record Reference(List<Alert> alerts, String state) {
    }

    /** One kill: a pause point and its occurrence, or a random delay in milliseconds. */
    record Kill(String point, int occurrence, long delayMillis) {
        @Override
        public String toString() {
            return point != null ? point + "@" + occurrence : "after " + delayMillis + " ms";
        }
    }

    @ParameterizedTest(name = "{0} backend")
    @ValueSource(strings = {"memory", "rocksdb"})
    void everyKilledRunEndsWithTheAlertsAndStateOfAnUninterruptedRun(String backend) throws Exception {
        assumeTrue(List.of(System.getProperty("sabot.crash.backends", "memory,rocksdb").split(",")).contains(backend),
                "backend not selected by -Dsabot.crash.backends");
        int trials = Integer.getInteger("sabot.crash.trials", 3);
        long seed = Long.getLong("sabot.crash.seed", 20_261_125L);
        Reference reference = reference(backend);
        nativeLibraryOption = backend.equals("rocksdb") ? rocksDbLibraryOption() : null;
        Map<String, Integer> killsByPoint = new TreeMap<>();
        int plannedMidCheckpoint = 0;
        int killedMidCheckpoint = 0;
        long started = System.nanoTime();
        for (int trial = 0; trial < trials; trial++) {
            // Mixed through SplitMix64 first: Randoms seeded one apart draw nearly the same first values,
            // which gave consecutive trials the same pause point.
            Random random = new Random(new SplittableRandom(seed * 1_000_003L + trial + (backend.equals("rocksdb") ? 7_919 : 0)).nextLong());
            List<Kill> kills = scenario(random, trial);
            if (kills.get(0).point() != null) {
                plannedMidCheckpoint++;
            }
            Path work = dir.resolve(backend + "-" + trial);
            String context = String.format(Locale.ROOT, "seed %d, trial %d, %s backend, kills %s", seed, trial, backend, kills);
            int killed = 0;
            List<ChildJvm> runs = new ArrayList<>();
            try {
                for (Kill kill : kills) {
                    ChildJvm child = launch(backend, work, kill, runs.size());
                    runs.add(child);
                    if (killNow(child, kill)) {
                        killed++;
                        if (kill == kills.get(0) && kill.point() != null) {
                            killedMidCheckpoint++; // the first run, at a pause point inside a checkpoint or its commit
                        }
                        killsByPoint.merge(kill.toString().replaceAll("@\\d+|\\d+ ms", "").trim(), 1, Integer::sum);
                    }
                }
                ChildJvm last = launch(backend, work, null, runs.size());
                runs.add(last);
                int exit = last.awaitExit(300);
                assertThat(exit).as("exit code of the final run\n%s", last.describe()).isZero();
                assertThat(last.output()).as("final run\n%s", last.describe()).contains(CrashTestJob.DONE);
                assertFinishedLike(reference, work, context);
            } catch (AssertionError | Exception e) {
                StringBuilder logs = new StringBuilder();
                for (ChildJvm run : runs) {
                    logs.append("\n--- ").append(run.describe());
                }
                throw new AssertionError("crash trial failed (" + context + ", " + killed + " kills done)."
                        + " Reproduce with -Dsabot.crash.seed=" + seed + " -Dsabot.crash.trials=" + (trial + 1)
                        + ": " + e.getMessage() + logs, e);
            }
            CrashTestJob.deleteRecursively(work);
        }
        System.out.printf(Locale.ROOT,
                "crash trials: backend=%s trials=%d failures=0 seed=%d killed-mid-checkpoint=%d kills=%s seconds=%.1f%n",
                backend, trials, seed, killedMidCheckpoint, killsByPoint, (System.nanoTime() - started) / 1e9);
        // A trial whose child ended before its kill proves nothing about a kill: the test must not
        // pass on trials that killed nothing. Every pause point is reached in every run from
        // scratch more often than the occurrence drawn, so each planned kill lands there.
        assertThat(killedMidCheckpoint)
                .as("trials whose child was killed at a pause point inside a checkpoint or its commit, of %d trials"
                        + " (%d planned; kills %s)", trials, plannedMidCheckpoint, killsByPoint)
                .isEqualTo(plannedMidCheckpoint)
                .isGreaterThan(trials / 2);
    }

    /**
     * One or two kills: one in the normal run, at a pause point inside a checkpoint or its commit
     * (four trials in five: every trial but the fifth, tenth, ...) or after a random delay; half
     * the time a second one during the recovery that follows.
     */
    static List<Kill> scenario(Random random, int trial) {
        List<Kill> kills = new ArrayList<>();
        if (trial % 5 == 4) {
            kills.add(new Kill(null, 0, 200 + random.nextInt(2_500)));
        } else {
            String point = RUN_POINTS.get(random.nextInt(RUN_POINTS.size()));
            int occurrences = point.equals(AlertLogFile.TORN_COMMIT) ? COMMIT_OCCURRENCES : CHECKPOINT_OCCURRENCES;
            kills.add(new Kill(point, 1 + random.nextInt(occurrences), 0));
        }
        if (random.nextBoolean()) {
            int recovery = random.nextInt(RECOVERY_POINTS.size() + 1);
            kills.add(recovery < RECOVERY_POINTS.size()
                    ? new Kill(RECOVERY_POINTS.get(recovery), 1, 0)
                    : new Kill(null, 0, 100 + random.nextInt(1_000)));
        }
        return kills;
    }

    private ChildJvm launch(String backend, Path work, Kill kill, int run) throws IOException {
        Files.createDirectories(work);
        List<String> options = new ArrayList<>(CHILD_JVM);
        if (nativeLibraryOption != null) {
            options.add(nativeLibraryOption);
        }
        if (kill != null && kill.point() != null) {
            options.add("-D" + PausePoint.PROPERTY + "=" + kill.point() + "@" + kill.occurrence());
        }
        return ChildJvm.start(work.resolve("run-" + run + ".log"), options, CrashTestJob.class,
                backend, work.toString(), Long.toString(EVENTS_PER_PARTITION));
    }

    /** Kills the child at its pause point or after its delay; false when it finished first. */
    private static boolean killNow(ChildJvm child, Kill kill) throws Exception {
        if (kill.point() != null) {
            boolean paused = child.awaitLine(PausePoint.MARKER, 300);
            if (!paused) {
                // The point was never reached (e.g. no checkpoint to recover from yet): the run ended.
                assertThat(child.awaitExit(60)).as("a run that was not paused\n%s", child.describe()).isZero();
                return false;
            }
        } else {
            Thread.sleep(kill.delayMillis());
            if (!child.isAlive()) {
                assertThat(child.awaitExit(60)).as("a run that ended before its kill\n%s", child.describe()).isZero();
                return false;
            }
        }
        child.kill();
        return true;
    }

    private static void assertFinishedLike(Reference reference, Path work, String context) throws IOException {
        List<Alert> alerts = new ArrayList<>(AlertLogFile.read(CrashTestJob.alertLog(work)));
        alerts.sort(null);
        assertThat(alerts).as("committed alerts (%s)", context).isEqualTo(reference.alerts());
        assertThat(Files.readString(work.resolve("state.txt"))).as("final state (%s)", context).isEqualTo(reference.state());
        try (Stream<Path> leftovers = Files.list(work)) {
            assertThat(leftovers.map(p -> p.getFileName().toString()))
                    .as("scratch snapshots left behind (%s)", context).noneMatch(n -> n.contains(".snapshot-"));
        }
        try (Stream<Path> checkpoints = Files.list(work.resolve("checkpoints"))) {
            assertThat(checkpoints.map(p -> p.getFileName().toString()))
                    .as("checkpoint directories (%s)", context).allMatch(n -> n.matches("chk-\\d+"));
        }
    }

    /** The uninterrupted run, in this JVM, once per backend. */
    private Reference reference(String backend) throws IOException {
        synchronized (REFERENCES) {
            Reference known = REFERENCES.get(backend);
            if (known != null) {
                return known;
            }
            Path work = dir.resolve("reference-" + backend);
            CrashTestJob.run(backend, work, EVENTS_PER_PARTITION);
            List<Alert> alerts = new ArrayList<>(AlertLogFile.read(CrashTestJob.alertLog(work)));
            alerts.sort(null);
            String state = Files.readString(work.resolve("state.txt"));
            assertThat(alerts).as("the reference run has alerts of every rule").extracting(Alert::rule)
                    .contains(Alert.VELOCITY, Alert.AMOUNT_SPIKE, Alert.IMPOSSIBLE_TRAVEL);
            assertThat(state).as("the reference run has no late events").contains("late-events 0\n");
            Reference reference = new Reference(List.copyOf(alerts), state);
            REFERENCES.put(backend, reference);
            return reference;
        }
    }
}
