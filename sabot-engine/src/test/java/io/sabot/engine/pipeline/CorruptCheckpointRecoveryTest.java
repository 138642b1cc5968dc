package io.sabot.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every kind of damage to the newest checkpoint, on each backend: the checksums catch it, recovery
 * logs why the checkpoint is skipped, restores the previous complete one, and the job still ends with
 * exactly the alerts and the state of an undamaged run.
 */
class CorruptCheckpointRecoveryTest {

    static final long PER_PARTITION = 4_000;
    static final long CRASH_AFTER = 12_000;

    enum Damage {
        /** One bit of the largest data file (SST table, namespace file) flipped (a bad sector, a bad copy). */
        BIT_FLIP,
        /** The largest state file cut to half its length (a torn write). */
        TRUNCATION,
        /** The MANIFEST deleted (the writer died before it). */
        MISSING_MANIFEST,
        /** The largest state file deleted. */
        MISSING_STATE_FILE,
        /** One bit of the MANIFEST flipped. */
        MANIFEST_BIT_FLIP,
        /** The job's metadata (offsets, timers, alert transaction) overwritten. */
        METADATA_OVERWRITTEN
    }

    @TempDir
    Path dir;
    final List<LogRecord> logged = new ArrayList<>();
    final Logger storageLogger = Logger.getLogger("io.sabot.engine.checkpoint.CheckpointStorage");
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLog() {
        storageLogger.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        storageLogger.removeHandler(capture);
    }

    private PipelineConfig config(String backend, String name) {
        Path work = dir.resolve(name);
        return new PipelineConfig(3, 4, 400, 500, FraudRules.standard(), CrashTestJob.backends(backend, work.resolve("db")),
                work.resolve("checkpoints"), 2_500, 2_000, 2);
    }

    @ParameterizedTest(name = "{1} on the {0} backend")
    @CsvSource({
        "memory, BIT_FLIP, checksum mismatch",
        "memory, TRUNCATION, truncated",
        "memory, MISSING_MANIFEST, no MANIFEST",
        "memory, MISSING_STATE_FILE, is missing",
        "memory, MANIFEST_BIT_FLIP, MANIFEST",
        "memory, METADATA_OVERWRITTEN, _metadata",
        "rocksdb, BIT_FLIP, checksum mismatch",
        "rocksdb, TRUNCATION, truncated",
        "rocksdb, MISSING_MANIFEST, no MANIFEST",
        "rocksdb, MISSING_STATE_FILE, is missing",
        "rocksdb, MANIFEST_BIT_FLIP, MANIFEST",
        "rocksdb, METADATA_OVERWRITTEN, _metadata",
    })
    void damagedNewestCheckpointIsSkippedForThePreviousOne(String backend, Damage damage, String reason) throws IOException {
        Reference reference = reference(backend);

        InMemoryAlertLog alerts = new InMemoryAlertLog();
        PipelineConfig config = config(backend, "damaged");
        try (FraudPipeline job = FraudPipeline.start(config, alerts).boundedTo(PER_PARTITION)) {
            job.run(CRASH_AFTER);
            assertThat(job.completedCheckpoints()).isEqualTo(4);
        }
        Path newest = config.checkpointDirectory().resolve("chk-4");
        damage(newest, damage);

        try (FraudPipeline job = FraudPipeline.recover(config, alerts).boundedTo(PER_PARTITION)) {
            // checkpoint 3 was triggered at 7,500 events and taken when its barriers aligned; 4 at 10,000
            assertThat(job.processed()).as("restored from checkpoint 3").isBetween(3 * 2_500L, 4 * 2_500L - 1);
            job.runToEnd();
            assertThat(CrashTestJob.stateDump(job)).isEqualTo(reference.state());
        }
        assertThat(logged).as("logged reasons").anySatisfy(r -> {
            assertThat(r.getLevel()).isEqualTo(Level.WARNING);
            assertThat(r.getMessage()).contains("chk-4").contains(reason);
        });
        List<Alert> committed = new ArrayList<>(alerts.alerts());
        committed.sort(null);
        assertThat(committed).as("each alert committed exactly once").isEqualTo(reference.alerts());
    }

    record Reference(List<Alert> alerts, String state) {
    }

    private static final java.util.Map<String, Reference> REFERENCES = new java.util.HashMap<>();

    /** The undamaged run, once per backend. */
    private Reference reference(String backend) throws IOException {
        synchronized (REFERENCES) {
            Reference known = REFERENCES.get(backend);
            if (known == null) {
                InMemoryAlertLog log = new InMemoryAlertLog();
                try (FraudPipeline job = FraudPipeline.start(config(backend, "reference"), log).boundedTo(PER_PARTITION)) {
                    job.runToEnd();
                    List<Alert> alerts = new ArrayList<>(log.alerts());
                    alerts.sort(null);
                    known = new Reference(List.copyOf(alerts), CrashTestJob.stateDump(job));
                }
                REFERENCES.put(backend, known);
            }
            return known;
        }
    }

    private static void damage(Path checkpoint, Damage damage) throws IOException {
        Path largest;
        try (Stream<Path> files = Files.walk(checkpoint.resolve("state"))) {
            // the data: RocksDB's SST tables or the memory backend's namespace files, the largest first
            largest = files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".sst") || f.toString().endsWith(".state"))
                    .max(Comparator.comparingLong(CorruptCheckpointRecoveryTest::size).thenComparing(Comparator.naturalOrder()))
                    .orElseThrow();
        }
        Path manifest = checkpoint.resolve("MANIFEST");
        switch (damage) {
            case BIT_FLIP -> flipBit(largest);
            case TRUNCATION -> Files.write(largest, java.util.Arrays.copyOf(Files.readAllBytes(largest), (int) size(largest) / 2));
            case MISSING_MANIFEST -> Files.delete(manifest);
            case MISSING_STATE_FILE -> Files.delete(largest);
            case MANIFEST_BIT_FLIP -> flipBit(manifest);
            case METADATA_OVERWRITTEN -> Files.writeString(checkpoint.resolve("_metadata"), "torn write");
        }
    }

    private static void flipBit(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(file, bytes);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
