package io.sabot.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.engine.state.BackendConfig;
import io.sabot.engine.state.MemoryStateBackend;
import io.sabot.engine.state.RocksDbConfig;
import io.sabot.engine.state.RocksDbStateBackend;
import io.sabot.engine.state.StateBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Optimisations of the pipeline must not change what it detects: the benchmark's job (standard
 * configuration, seed 42, checkpoints every 10,000 events) over 30,000 events per partition commits
 * exactly the alerts recorded from the straightforward implementation (three state namespaces, one
 * state read and write per rule and event; commit 91bce6a), in the same order, on both backends.
 */
class FraudPipelineAlertsTest {

    /** Recorded from commit 91bce6a: alert count per rule, and a SHA-256 of every alert in commit order. */
    static final Map<String, Integer> RECORDED_COUNTS = Map.of(
            Alert.AMOUNT_SPIKE, 198, Alert.IMPOSSIBLE_TRAVEL, 4523, Alert.VELOCITY, 76);
    static final String RECORDED_DIGEST = "42a7cdf9824f6698391e8c82187c82064f4b451fd505b72d21a2c01dcebf307f";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} backend")
    @ValueSource(strings = {"memory", "rocksdb"})
    void theBenchmarkJobCommitsTheRecordedAlerts(String backend) throws IOException {
        List<Alert> alerts = new ArrayList<>();
        try (FraudPipeline job = FraudPipeline.start(PipelineConfig.standard(42, backends(backend), dir.resolve("checkpoints")), alerts)) {
            job.boundedTo(30_000).runToEnd();
            assertThat(job.completedCheckpoints()).isEqualTo(11);
            assertThat(job.lateEvents()).isZero();
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (Alert alert : alerts) {
            counts.merge(alert.rule(), 1, Integer::sum);
        }
        assertThat(counts).isEqualTo(RECORDED_COUNTS);
        assertThat(digest(alerts)).isEqualTo(RECORDED_DIGEST);
    }

    /**
     * The benchmarks run the same job without ending the run between calls: in stretches
     * ({@code advance}, the throughput benchmark) or one arriving transaction at a time
     * ({@code processNextArrival}, the latency benchmark). Both commit the same alerts as
     * {@code runToEnd}, and take the same checkpoints.
     */
    @ParameterizedTest(name = "{0} backend, {1}")
    @CsvSource({"memory, advance", "memory, arrivals", "rocksdb, advance", "rocksdb, arrivals"})
    void aRunThatGoesOnCommitsTheSameAlerts(String backend, String mode) throws IOException {
        List<Alert> reference = new ArrayList<>();
        try (FraudPipeline job = FraudPipeline.start(PipelineConfig.standard(42, backends(backend), dir.resolve("reference")), reference)) {
            job.boundedTo(30_000).runToEnd();
        }
        List<Alert> alerts = new ArrayList<>();
        try (FraudPipeline job = FraudPipeline.start(PipelineConfig.standard(42, backends(backend), dir.resolve("checkpoints")), alerts)) {
            job.boundedTo(30_000);
            if (mode.equals("advance")) {
                while (!job.exhausted()) {
                    job.advance(7_777);
                }
            } else {
                long arrivals = 0;
                while (job.processNextArrival()) {
                    arrivals++;
                    assertThat(job.processed()).isEqualTo(arrivals);
                }
            }
            job.finish();
            assertThat(job.processed()).isEqualTo(120_000);
            assertThat(job.completedCheckpoints()).isEqualTo(11);
            assertThat(job.lateEvents()).isZero();
        }
        assertThat(sorted(alerts)).isEqualTo(sorted(reference));
    }

    private static List<Alert> sorted(List<Alert> alerts) {
        List<Alert> sorted = new ArrayList<>(alerts);
        sorted.sort(null);
        return sorted;
    }

    private Supplier<StateBackend> backends(String backend) {
        if (backend.equals("memory")) {
            return () -> new MemoryStateBackend(BackendConfig.unbounded());
        }
        return () -> {
            try {
                return new RocksDbStateBackend(RocksDbConfig.defaults(Files.createTempDirectory(dir, "db")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    static String digest(List<Alert> alerts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Alert alert : alerts) {
                sha.update((alert.rule() + '|' + alert.accountId() + '|' + alert.transactionId() + '|' + alert.timestamp()
                        + '|' + alert.detail() + '\n').getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
