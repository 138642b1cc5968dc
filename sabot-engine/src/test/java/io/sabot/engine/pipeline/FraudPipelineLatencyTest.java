package io.sabot.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sabot.engine.state.BackendConfig;
import io.sabot.engine.state.MemoryStateBackend;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The latency listener hears every processed transaction; without one the job reads no clock per event. */
class FraudPipelineLatencyTest {

    @TempDir
    Path dir;

    private FraudPipeline job(String name) throws IOException {
        return FraudPipeline.start(PipelineConfig.standard(42, () -> new MemoryStateBackend(BackendConfig.unbounded()),
                dir.resolve(name)), new ArrayList<>());
    }

    @Test
    void everyProcessedTransactionIsReportedOnce() throws IOException {
        List<Long> latencies = new ArrayList<>();
        try (FraudPipeline job = job("run")) {
            job.onLatency(latencies::add);
            job.run(25_000);
            for (int i = 0; i < 1_000; i++) {
                job.processNextArrival();
            }
            assertThat(latencies).hasSize((int) job.processed()).allSatisfy(nanos -> assertThat(nanos).isNotNegative());
        }
    }

    @Test
    void aListenerSetWhileTransactionsAreQueuedIsRefused() throws IOException {
        try (FraudPipeline job = job("late")) {
            job.run(1_001); // stops in the middle of a round: transactions stay queued
            assertThatThrownBy(() -> job.onLatency(nanos -> { })).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no transaction is queued");
        }
        try (FraudPipeline job = job("arrivals")) {
            job.processNextArrival(); // leaves nothing queued
            job.onLatency(nanos -> { });
        }
    }
}
