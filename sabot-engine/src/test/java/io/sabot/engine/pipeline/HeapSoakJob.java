package io.sabot.engine.pipeline;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Runs the standard fraud pipeline (10,000 accounts, a checkpoint every 10,000 events, alerts to an
 * {@link AlertLogFile}) for a long input and prints the heap in use after a full GC at regular
 * intervals: {@code HEAP <events> <bytes>} lines, then {@code DONE}.
 *
 * <pre>java -Xmx64m -cp ... io.sabot.engine.pipeline.HeapSoakJob memory|rocksdb WORK_DIR EVENTS SAMPLES</pre>
 */
public final class HeapSoakJob {

    static final String SAMPLE = "HEAP ";

    private HeapSoakJob() {
    }

    public static void main(String[] args) throws IOException {
        String backend = args[0];
        Path work = Path.of(args[1]);
        long events = Long.parseLong(args[2]);
        int samples = Integer.parseInt(args[3]);
        Files.createDirectories(work);
        PipelineConfig config = PipelineConfig.standard(42, CrashTestJob.backends(backend, work.resolve("db")), work.resolve("checkpoints"));
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long started = System.nanoTime();
        try (AlertLogFile log = AlertLogFile.open(work.resolve("alerts.log"));
             FraudPipeline job = FraudPipeline.start(config, log)) {
            job.boundedTo(events / config.partitions());
            long chunk = events / samples;
            for (int i = 1; i <= samples; i++) {
                job.run(chunk);
                System.gc();
                System.gc();
                System.out.printf(Locale.ROOT, "%s%d %d%n", SAMPLE, job.processed(), memory.getHeapMemoryUsage().getUsed());
            }
            System.out.printf(Locale.ROOT, "checkpoints %d alerts-file-bytes %d seconds %.1f%n", job.completedCheckpoints(),
                    Files.size(work.resolve("alerts.log")), (System.nanoTime() - started) / 1e9);
        }
        System.out.println(CrashTestJob.DONE);
    }
}
