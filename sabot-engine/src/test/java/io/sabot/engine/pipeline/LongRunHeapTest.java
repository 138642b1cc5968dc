package io.sabot.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A long run keeps a flat heap: the pipeline runs in a child JVM with a 64 MiB heap for millions of
 * events, the heap in use after a full GC is sampled at intervals, and after the first fifth of the
 * run (warm-up: the 10,000 accounts' state is filled) it must not grow. Part of {@code -Pcrash}
 * ({@code -Dsabot.soak=true}); {@code -Dsabot.soak.scale=2} doubles the events.
 */
@EnabledIfSystemProperty(named = "sabot.soak", matches = "true")
class LongRunHeapTest {

    static final int SAMPLES = 20;
    /** Growth allowed between the warm-up sample and the end of the run. */
    static final long MAX_GROWTH_BYTES = 2L << 20;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} backend, {1} events")
    @CsvSource({"memory, 5000000", "rocksdb, 2000000"})
    void heapAfterFullGcDoesNotGrowOverALongRun(String backend, long events) throws Exception {
        long scaled = (long) (events * Double.parseDouble(System.getProperty("sabot.soak.scale", "1")));
        ChildJvm child = ChildJvm.start(dir.resolve("soak.log"), List.of("-Xmx64m", "-XX:+UseSerialGC"), HeapSoakJob.class,
                backend, dir.resolve("work").toString(), Long.toString(scaled), Integer.toString(SAMPLES));
        assertThat(child.awaitExit(1_800)).as("soak run\n%s", child.describe()).isZero();
        List<long[]> samples = child.output().lines().filter(l -> l.startsWith(HeapSoakJob.SAMPLE))
                .map(l -> l.substring(HeapSoakJob.SAMPLE.length()).split(" "))
                .map(f -> new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])}).toList();
        assertThat(samples).as("heap samples\n%s", child.describe()).hasSize(SAMPLES);
        long afterWarmUp = samples.get(SAMPLES / 5 - 1)[1];
        long maxLater = samples.subList(SAMPLES / 5, SAMPLES).stream().mapToLong(s -> s[1]).max().orElseThrow();
        long last = samples.get(SAMPLES - 1)[1];
        StringBuilder series = new StringBuilder();
        for (long[] s : samples) {
            series.append(String.format(Locale.ROOT, " %.2f", s[1] / 1048576.0));
        }
        System.out.printf(Locale.ROOT, "heap soak: backend=%s events=%d after-warm-up=%.2f MiB max-later=%.2f MiB last=%.2f MiB"
                        + " samples(MiB)=%s; %s%n", backend, scaled, afterWarmUp / 1048576.0, maxLater / 1048576.0, last / 1048576.0,
                series, child.output().lines().filter(l -> l.startsWith("checkpoints")).findFirst().orElse(""));
        assertThat(maxLater - afterWarmUp).as("heap growth after warm-up, bytes (samples in MiB:%s)", series)
                .isLessThan(MAX_GROWTH_BYTES);
    }
}
