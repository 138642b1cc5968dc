package io.sabot.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.engine.state.BackendConfig;
import io.sabot.engine.state.MemoryStateBackend;
import io.sabot.engine.state.RocksDbConfig;
import io.sabot.engine.state.RocksDbStateBackend;
import io.sabot.engine.state.StateBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Exactly-once recovery: a job stopped at any point and restored from its last checkpoint commits
 * exactly the alerts of a job that never stopped.
 */
class FraudPipelineRecoveryTest {

    static final long PER_PARTITION = 6_000;
    static final long SEED = 7;

    @TempDir
    Path dir;
    int runs;

    static Supplier<StateBackend> memory() {
        return () -> new MemoryStateBackend(BackendConfig.unbounded());
    }

    static Supplier<StateBackend> rocksdb(Path dir) {
        return () -> {
            try {
                return new RocksDbStateBackend(RocksDbConfig.defaults(Files.createTempDirectory(dir, "db")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private PipelineConfig config(Supplier<StateBackend> backends, String name) {
        return new PipelineConfig(SEED, 4, 400, 500, FraudRules.standard(), backends, dir.resolve(name), 2_500, 2_000, 2);
    }

    private List<Alert> uninterrupted(Supplier<StateBackend> backends) throws IOException {
        List<Alert> alerts = new ArrayList<>();
        try (FraudPipeline job = FraudPipeline.start(config(backends, "reference-" + runs++), alerts)) {
            job.boundedTo(PER_PARTITION).runToEnd();
            assertThat(job.lateEvents()).isZero();
        }
        return sorted(alerts);
    }

    private List<Alert> crashedAt(Supplier<StateBackend> backends, long... crashPoints) throws IOException {
        InMemoryAlertLog alerts = new InMemoryAlertLog();
        String name = "crash-" + crashPoints[0];
        for (long crashAfter : crashPoints) {
            FraudPipeline job = FraudPipeline.recover(config(backends, name), alerts).boundedTo(PER_PARTITION);
            job.run(crashAfter - job.processed());
            job.close(); // the process dies: pending alerts and in-flight events are lost
        }
        try (FraudPipeline job = FraudPipeline.recover(config(backends, name), alerts)) {
            job.boundedTo(PER_PARTITION).runToEnd();
        }
        return sorted(alerts.alerts());
    }

    @Test
    void theGeneratedStreamHasEveryKindOfAlert() throws IOException {
        List<Alert> alerts = uninterrupted(memory());
        assertThat(alerts).extracting(Alert::rule)
                .contains(Alert.VELOCITY, Alert.AMOUNT_SPIKE, Alert.IMPOSSIBLE_TRAVEL);
    }

    @ParameterizedTest(name = "memory backend, crash after {0} events")
    @CsvSource({"1000", "2500", "2501", "11999", "23000"})
    void memoryBackendRecoversToTheSameAlerts(long crashAfter) throws IOException {
        assertThat(crashedAt(memory(), crashAfter)).isEqualTo(uninterrupted(memory()));
    }

    @Test
    void rocksDbBackendRecoversToTheSameAlertsAfterTwoCrashes() throws IOException {
        Supplier<StateBackend> rocks = rocksdb(dir);
        assertThat(crashedAt(rocks, 7_777, 16_000)).isEqualTo(uninterrupted(rocks));
    }

    @Test
    void corruptLatestCheckpointFallsBackToThePreviousOneAndStillCommitsEachAlertOnce() throws IOException {
        InMemoryAlertLog alerts = new InMemoryAlertLog();
        PipelineConfig config = config(memory(), "corrupt");
        try (FraudPipeline job = FraudPipeline.start(config, alerts).boundedTo(PER_PARTITION)) {
            job.run(12_000);
        }
        Path latest;
        try (var dirs = Files.list(config.checkpointDirectory())) {
            latest = dirs.filter(d -> d.getFileName().toString().startsWith("chk-")).max(
                    java.util.Comparator.comparingLong(d -> Long.parseLong(d.getFileName().toString().substring(4)))).orElseThrow();
        }
        Files.writeString(latest.resolve("_metadata"), "torn write");
        // The corrupt checkpoint's alerts were committed already; the replay from the older one
        // produces them again and the sink must not commit them twice.
        try (FraudPipeline job = FraudPipeline.recover(config, alerts).boundedTo(PER_PARTITION)) {
            assertThat(job.processed()).isLessThan(12_000).isPositive();
            job.runToEnd(); // new checkpoints must not collide with the corrupt one's id
        }
        assertThat(sorted(alerts.alerts())).isEqualTo(uninterrupted(memory()));
    }

    @Test
    void aFinishedJobRecoveredAgainCommitsNothingTwice() throws IOException {
        InMemoryAlertLog alerts = new InMemoryAlertLog();
        PipelineConfig config = config(memory(), "finished");
        try (FraudPipeline job = FraudPipeline.start(config, alerts).boundedTo(PER_PARTITION)) {
            job.runToEnd();
        }
        try (FraudPipeline job = FraudPipeline.recover(config, alerts).boundedTo(PER_PARTITION)) {
            job.runToEnd();
        }
        assertThat(sorted(alerts.alerts())).isEqualTo(uninterrupted(memory()));
    }

    @Test
    void aCrashBetweenTheDurableCheckpointAndTheCommitLosesNoAlert() throws IOException {
        // The job dies after checkpoint N is on disk but before transaction N reached the log:
        // modelled by a log that drops the commits after a given transaction.
        InMemoryAlertLog durable = new InMemoryAlertLog();
        AlertLog dying = new AlertLog() {
            @Override
            public long lastCommittedTransaction() {
                return durable.lastCommittedTransaction();
            }

            @Override
            public void commit(long transactionId, List<Alert> committed) {
                if (transactionId <= 3) {
                    durable.commit(transactionId, committed);
                }
            }

            @Override
            public List<Alert> committedAfter(long transactionId) {
                return durable.committedAfter(transactionId);
            }
        };
        PipelineConfig config = config(memory(), "uncommitted");
        try (FraudPipeline job = FraudPipeline.start(config, dying).boundedTo(PER_PARTITION)) {
            job.run(4 * 2_500 + 100);
            assertThat(job.completedCheckpoints()).isEqualTo(4);
        }
        assertThat(durable.lastCommittedTransaction()).isEqualTo(3);
        try (FraudPipeline job = FraudPipeline.recover(config, durable).boundedTo(PER_PARTITION)) {
            assertThat(durable.lastCommittedTransaction()).as("recovery commits checkpoint 4's transaction").isEqualTo(4);
            job.runToEnd();
        }
        assertThat(sorted(durable.alerts())).isEqualTo(uninterrupted(memory()));
    }

    @Test
    void aCheckpointWriteThatFailsStopsTheJobAndCommitsNothing() throws IOException {
        InMemoryAlertLog alerts = new InMemoryAlertLog();
        PipelineConfig config = config(memory(), "failing");
        try (FraudPipeline job = FraudPipeline.start(config, alerts).boundedTo(PER_PARTITION)) {
            job.run(2_000);
            Files.createDirectories(config.checkpointDirectory().resolve("chk-1")); // the storage refuses to overwrite it
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> job.run(1_000))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessage("checkpoint 1 failed")
                    .hasRootCauseMessage("checkpoint 1 already exists in " + config.checkpointDirectory());
            assertThat(job.completedCheckpoints()).isZero();
        }
        assertThat(alerts.lastCommittedTransaction()).isEqualTo(-1);
    }

    @Test
    void startingWithAnAlertLogThatHoldsAnotherJobIsRefused() throws IOException {
        InMemoryAlertLog alerts = new InMemoryAlertLog();
        alerts.commit(1, List.of());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FraudPipeline.start(config(memory(), "fresh"), alerts))
                .hasMessageContaining("alert log already holds transactions");
    }

    @Test
    void startingOverExistingCheckpointsIsRefused() throws IOException {
        PipelineConfig config = config(memory(), "used");
        try (FraudPipeline job = FraudPipeline.start(config, new ArrayList<>()).boundedTo(PER_PARTITION)) {
            job.run(3_000);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FraudPipeline.start(config, new ArrayList<>()))
                .hasMessageContaining("already holds checkpoints");
    }

    @Test
    void sameSeedSameAlertsDifferentSeedDifferentAlerts() throws IOException {
        assertThat(uninterrupted(memory())).isEqualTo(uninterrupted(memory()));
        List<Alert> other = new ArrayList<>();
        PipelineConfig config = new PipelineConfig(SEED + 1, 4, 400, 500, FraudRules.standard(), memory(),
                dir.resolve("other"), 2_500, 2_000, 2);
        try (FraudPipeline job = FraudPipeline.start(config, other)) {
            job.boundedTo(PER_PARTITION).runToEnd();
        }
        assertThat(sorted(other)).isNotEqualTo(uninterrupted(memory()));
    }

    private static List<Alert> sorted(List<Alert> alerts) {
        List<Alert> copy = new ArrayList<>(alerts);
        copy.sort(null);
        return copy;
    }
}
