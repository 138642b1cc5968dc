package io.sabot.engine.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.engine.pipeline.Alert;
import io.sabot.engine.pipeline.FraudPipeline;
import io.sabot.engine.pipeline.PipelineConfig;
import io.sabot.engine.state.BackendConfig;
import io.sabot.engine.state.MemoryStateBackend;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PIPE-002 compares the pipeline with a hand-written loop; the ratio means something only if both
 * do the same work: the same input, the same rules, the same alerts (detail text included).
 */
class HandWrittenFraudJobTest {

    static final long PER_PARTITION = 30_000;

    @TempDir
    Path dir;

    @Test
    void raisesExactlyThePipelinesAlerts() throws IOException {
        List<Alert> pipelineAlerts = new ArrayList<>();
        try (FraudPipeline pipeline = FraudPipeline.start(PipelineConfig.standard(42,
                () -> new MemoryStateBackend(BackendConfig.unbounded()), dir.resolve("checkpoints")), pipelineAlerts)) {
            pipeline.boundedTo(PER_PARTITION).runToEnd();
            assertThat(pipeline.lateEvents()).isZero();
        }
        HandWrittenFraudJob job = new HandWrittenFraudJob(42, PER_PARTITION);
        job.run(Long.MAX_VALUE);
        job.finish();
        assertThat(job.processed()).isEqualTo(HandWrittenFraudJob.PARTITIONS * PER_PARTITION);
        assertThat(job.lateEvents()).isZero();
        assertThat(sorted(job.alerts())).hasSize(pipelineAlerts.size()).isEqualTo(sorted(pipelineAlerts));
        assertThat(job.alerts()).extracting(Alert::rule).contains(Alert.VELOCITY, Alert.AMOUNT_SPIKE, Alert.IMPOSSIBLE_TRAVEL);
    }

    private static List<Alert> sorted(List<Alert> alerts) {
        List<Alert> sorted = new ArrayList<>(alerts);
        sorted.sort(null);
        return sorted;
    }
}
