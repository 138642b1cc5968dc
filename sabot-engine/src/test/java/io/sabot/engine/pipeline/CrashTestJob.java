package io.sabot.engine.pipeline;

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
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The job the crash tests kill: a bounded fraud pipeline whose checkpoints, alert log and RocksDB
 * directory all live in one work directory, so a new process continues where a killed one stopped.
 * Each start recovers from the latest intact checkpoint and runs to the end of the input; at the end
 * it writes the final keyed state to {@code state.txt} and prints {@code DONE}.
 *
 * <pre>java -cp ... io.sabot.engine.pipeline.CrashTestJob memory|rocksdb WORK_DIR EVENTS_PER_PARTITION</pre>
 */
public final class CrashTestJob {

    static final String DONE = "DONE";
    static final long SEED = 11;
    static final long CHECKPOINT_INTERVAL = 1_000;

    private CrashTestJob() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: CrashTestJob memory|rocksdb WORK_DIR EVENTS_PER_PARTITION");
            System.exit(2);
        }
        run(args[0], Path.of(args[1]), Long.parseLong(args[2]));
        System.out.println(DONE);
    }

    /** Recovers (or starts) the job in {@code work} and runs it to the end of its input. */
    static void run(String backend, Path work, long eventsPerPartition) throws IOException {
        Files.createDirectories(work);
        PipelineConfig config = config(backend, work);
        try (AlertLogFile log = AlertLogFile.open(alertLog(work));
             FraudPipeline job = FraudPipeline.recover(config, log)) {
            job.boundedTo(eventsPerPartition).runToEnd();
            Path state = work.resolve("state.txt");
            Path temp = work.resolve("state.txt.tmp");
            Files.writeString(temp, stateDump(job), StandardCharsets.UTF_8);
            Files.move(temp, state, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static Path alertLog(Path work) {
        return work.resolve("alerts.log");
    }

    static PipelineConfig config(String backend, Path work) {
        return new PipelineConfig(SEED, 4, 400, 500, FraudRules.standard(), backends(backend, work.resolve("db")),
                work.resolve("checkpoints"), CHECKPOINT_INTERVAL, 2_000, 2);
    }

    /** A fresh backend per process: the RocksDB directory of a killed process is wiped, its state comes from the checkpoint. */
    static Supplier<StateBackend> backends(String backend, Path dbDirectory) {
        return switch (backend) {
            case "memory" -> () -> new MemoryStateBackend(BackendConfig.unbounded());
            case "rocksdb" -> () -> {
                try {
                    deleteRecursively(dbDirectory);
                    return new RocksDbStateBackend(RocksDbConfig.defaults(dbDirectory));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
            default -> throw new IllegalArgumentException("backend must be memory or rocksdb, not '" + backend + "'");
        };
    }

    /** Every entry of every namespace of the detector, one sorted line each, plus the job's counters. */
    static String stateDump(FraudPipeline job) {
        List<String> lines = new ArrayList<>();
        job.backend().state(FraudDetector.ACCOUNTS).scan((k, v) -> lines.add("account " + k + " " + java.util.Arrays.toString(v)));
        job.backend().state(FraudDetector.OLDER_WINDOW_COUNTS).scan((k, v) -> lines.add("older-window " + k + " " + v));
        lines.sort(null);
        lines.add("processed " + job.processed());
        lines.add("late-events " + job.lateEvents());
        return String.join("\n", lines) + "\n";
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
