package io.sabot.engine.benchmarks;

import io.sabot.engine.pipeline.FraudRules;
import io.sabot.engine.pipeline.Transaction;
import io.sabot.engine.pipeline.TransactionGenerator;
import java.util.HashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Peer of the pipeline throughput: the same three rules as a plain loop over HashMaps, fed by the
 * same generator, with no state backend, no checkpoints and no watermarks (velocity windows close
 * when the next event of the account arrives). It is the speed a job would have without the engine;
 * the ratio to it is what the engine's guarantees cost.
 */
@State(Scope.Thread)
public class HandWrittenLoopBenchmark {

    final TransactionGenerator[] sources = new TransactionGenerator[4];
    final FraudRules rules = FraudRules.standard();
    final HashMap<Long, long[]> profiles = new HashMap<>();
    final HashMap<Long, long[]> lastSeen = new HashMap<>();
    final HashMap<Long, long[]> windows = new HashMap<>();
    long alerts;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
        for (int p = 0; p < sources.length; p++) {
            sources[p] = new TransactionGenerator(42, p, sources.length, 10_000, 1_700_000_000_000L, 10, 1_000);
        }
    }

    void process(Transaction t) {
        long[] profile = profiles.computeIfAbsent(t.accountId(), k -> new long[2]);
        if (profile[0] >= rules.spikeMinHistory() && t.amountCents() > rules.spikeFactor() * profile[1] / profile[0]) {
            alerts++;
        }
        profile[0]++;
        profile[1] += t.amountCents();
        long[] last = lastSeen.get(t.accountId());
        if (last != null) {
            double km = distanceKm(last[1] / 1e6, last[2] / 1e6, t.latitude(), t.longitude());
            double hours = Math.max(Math.abs(t.timestamp() - last[0]), 1) / 3_600_000.0;
            if (km / hours > rules.maxSpeedKmh()) {
                alerts++;
            }
        } else {
            last = new long[3];
            lastSeen.put(t.accountId(), last);
        }
        last[0] = t.timestamp();
        last[1] = Math.round(t.latitude() * 1e6);
        last[2] = Math.round(t.longitude() * 1e6);
        long[] window = windows.computeIfAbsent(t.accountId(), k -> new long[2]);
        long start = t.timestamp() - Math.floorMod(t.timestamp(), rules.velocityWindowMillis());
        if (window[0] != start) {
            if (window[1] > rules.velocityMaxCount()) {
                alerts++;
            }
            window[0] = start;
            window[1] = 0;
        }
        window[1]++;
    }

    static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * 6371.0 * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** Peer of PIPE-001. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(PipelineBenchmark.BATCH)
    public long handWrittenLoop() {
        for (int i = 0; i < PipelineBenchmark.BATCH; i++) {
            process(sources[next].next());
            next = (next + 1) & 3;
        }
        return alerts;
    }
}
