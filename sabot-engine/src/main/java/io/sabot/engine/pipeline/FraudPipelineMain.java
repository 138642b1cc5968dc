package io.sabot.engine.pipeline;

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
import java.util.Locale;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * Runs the fraud pipeline for N transactions and prints throughput and latency percentiles.
 *
 * <pre>java -cp ... io.sabot.engine.pipeline.FraudPipelineMain [transactions] [memory|rocksdb]</pre>
 */
public final class FraudPipelineMain {

    private FraudPipelineMain() {
    }

    public static void main(String[] args) throws IOException {
        long transactions = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000;
        String backendName = args.length > 1 ? args[1] : "memory";
        Path work = Files.createTempDirectory("sabot-pipeline");
        Supplier<StateBackend> backends = backends(backendName, work);
        List<Alert> alerts = new ArrayList<>();
        Histogram latency = new Histogram(3_600_000_000_000L, 3);
        PipelineConfig config = PipelineConfig.standard(42, backends, work.resolve("checkpoints"));
        long started;
        long elapsed;
        try (FraudPipeline pipeline = FraudPipeline.start(config, alerts)) {
            pipeline.onLatency(nanos -> latency.recordValue(Math.max(0, nanos)));
            pipeline.boundedTo(transactions / config.partitions());
            started = System.nanoTime();
            pipeline.runToEnd();
            elapsed = System.nanoTime() - started;
            System.out.printf(Locale.ROOT, "backend            %s%n", backendName);
            System.out.printf(Locale.ROOT, "transactions       %,d%n", pipeline.processed());
            System.out.printf(Locale.ROOT, "throughput         %,.0f txn/s%n", pipeline.processed() / (elapsed / 1e9));
            System.out.printf(Locale.ROOT, "checkpoints        %d%n", pipeline.completedCheckpoints());
            System.out.printf(Locale.ROOT, "alerts             %,d%n", alerts.size());
            System.out.printf(Locale.ROOT, "latency p50        %.1f us%n", latency.getValueAtPercentile(50) / 1e3);
            System.out.printf(Locale.ROOT, "latency p95        %.1f us%n", latency.getValueAtPercentile(95) / 1e3);
            System.out.printf(Locale.ROOT, "latency p99        %.1f us%n", latency.getValueAtPercentile(99) / 1e3);
            System.out.printf(Locale.ROOT, "latency max        %.1f us%n", latency.getMaxValue() / 1e3);
        }
    }

    static Supplier<StateBackend> backends(String name, Path work) {
        return switch (name) {
            case "memory" -> () -> new MemoryStateBackend(BackendConfig.unbounded());
            case "rocksdb" -> () -> {
                try {
                    return new RocksDbStateBackend(RocksDbConfig.defaults(Files.createTempDirectory(work, "rocksdb")));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
            default -> throw new IllegalArgumentException("backend must be 'memory' or 'rocksdb', not '" + name + "'");
        };
    }
}
