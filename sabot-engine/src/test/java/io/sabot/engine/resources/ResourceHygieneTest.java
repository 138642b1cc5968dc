package io.sabot.engine.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sabot.engine.checkpoint.CheckpointStorage;
import io.sabot.engine.pipeline.Alert;
import io.sabot.engine.pipeline.AlertLogFile;
import io.sabot.engine.pipeline.FraudPipeline;
import io.sabot.engine.pipeline.FraudRules;
import io.sabot.engine.pipeline.PipelineConfig;
import io.sabot.engine.state.BackendConfig;
import io.sabot.engine.state.KeyValueState;
import io.sabot.engine.state.MemoryStateBackend;
import io.sabot.engine.state.RocksDbConfig;
import io.sabot.engine.state.RocksDbStateBackend;
import io.sabot.engine.state.Serializers;
import io.sabot.engine.state.StateBackend;
import io.sabot.engine.state.StateDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing releases everything: no file of the test's directory stays open in this process (counted
 * in {@code /proc/self/fd}), and a closed RocksDB can be opened again in the same process (RocksDB
 * refuses a second open while its LOCK is held). Arrow buffers are checked after every test of
 * {@code ArrowBatchesTest} (the allocator must be back at zero).
 */
class ResourceHygieneTest {

    static final StateDescriptor<Long, String> NAMES = new StateDescriptor<>("names", Serializers.LONG, Serializers.STRING);

    @TempDir
    Path dir;

    @BeforeEach
    void linuxOnly() {
        assumeTrue(OpenFiles.supported(), "needs /proc/self/fd");
    }

    @Test
    void rocksDbReleasesEveryFileAndItsLockOnClose() throws IOException {
        Path db = dir.resolve("db");
        Path snapshot = dir.resolve("snapshot");
        try (RocksDbStateBackend backend = new RocksDbStateBackend(RocksDbConfig.defaults(db))) {
            KeyValueState<Long, String> names = backend.state(NAMES);
            for (long i = 0; i < 5_000; i++) {
                names.put(i, "name-" + i);
            }
            backend.snapshot(snapshot);
            backend.restore(snapshot);
            assertThat(OpenFiles.under(dir)).as("files open while the database is open (proves the count works)").isNotEmpty();
        }
        assertThat(OpenFiles.under(dir)).as("files still open after close").isEmpty();
        try (RocksDbStateBackend again = new RocksDbStateBackend(RocksDbConfig.defaults(db))) {
            assertThat(again.state(NAMES).get(4_999L)).as("reopened after close: the LOCK was released").isEqualTo("name-4999");
        }
        assertThat(OpenFiles.under(dir)).isEmpty();
    }

    @Test
    void memoryBackendSnapshotAndRestoreCloseTheirFiles() throws IOException {
        try (MemoryStateBackend backend = new MemoryStateBackend(BackendConfig.unbounded())) {
            KeyValueState<Long, String> names = backend.state(NAMES);
            for (long i = 0; i < 5_000; i++) {
                names.put(i, "name-" + i);
            }
            backend.snapshot(dir.resolve("snapshot"));
            backend.restore(dir.resolve("snapshot"));
            assertThat(OpenFiles.under(dir)).isEmpty();
        }
    }

    @Test
    void checkpointStorageClosesEveryFileItWritesAndVerifies() throws IOException {
        CheckpointStorage storage = new CheckpointStorage(dir.resolve("checkpoints"), 2);
        for (long id = 1; id <= 3; id++) {
            Path snapshot = dir.resolve("snapshot-" + id);
            Files.createDirectories(snapshot);
            Files.writeString(snapshot.resolve("a.state"), "state ".repeat(1_000));
            storage.write(id, snapshot, new byte[] {(byte) id});
        }
        assertThat(storage.latest().checkpoint()).isPresent();
        assertThat(storage.deleteIncomplete()).isZero();
        assertThat(OpenFiles.under(dir)).isEmpty();
    }

    @Test
    void alertLogHoldsOneFileWhileOpenAndNoneAfterClose() throws IOException {
        Path file = dir.resolve("alerts.log");
        try (AlertLogFile log = AlertLogFile.open(file)) {
            log.commit(1, List.of(new Alert(Alert.VELOCITY, 1, -1, 10, "3 transactions")));
            assertThat(log.committedAfter(0)).hasSize(1);
            assertThat(OpenFiles.under(dir)).containsExactly(file.toRealPath());
        }
        assertThat(AlertLogFile.read(file)).hasSize(1);
        assertThat(OpenFiles.under(dir)).isEmpty();
    }

    @Test
    void aPipelineOnRocksDbLeavesNoFileOpenAfterCheckpointsRecoveryAndClose() throws IOException {
        Supplier<StateBackend> backends = () -> {
            try {
                return new RocksDbStateBackend(RocksDbConfig.defaults(Files.createTempDirectory(dir, "db")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        PipelineConfig config = new PipelineConfig(5, 4, 400, 500, FraudRules.standard(), backends,
                dir.resolve("checkpoints"), 1_000, 2_000, 2);
        try (AlertLogFile log = AlertLogFile.open(dir.resolve("alerts.log"))) {
            try (FraudPipeline job = FraudPipeline.start(config, log).boundedTo(2_000)) {
                job.run(4_500);
                assertThat(job.completedCheckpoints()).isEqualTo(4);
            }
            try (FraudPipeline job = FraudPipeline.recover(config, log).boundedTo(2_000)) {
                job.runToEnd();
            }
            assertThat(OpenFiles.under(dir)).as("only the alert log is open").containsExactly(dir.resolve("alerts.log").toRealPath());
        }
        assertThat(OpenFiles.under(dir)).isEmpty();
    }
}
