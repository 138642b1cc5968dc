package io.sabot.budget.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.budget.core.model.RunResults;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 during budget:baseline: a child JVM rewrites a large baseline over and over and is killed
 * after a random delay; the file on disk must then be, byte for byte, one of the two complete
 * baselines, and abandoned temp files must not pile up. The default build runs 5 trials,
 * {@code -Preliability} 120, {@code -Dreliability.killTrials=N} any number; the seed is printed and
 * {@code -Dbudget.reliability.seed=S} replays a run. A control in every build shows the trials
 * catch a writer that is not crash-safe.
 */
class BaselineKillTest {

    static final int TRIALS = Integer.getInteger("budget.reliability.killTrials", 5);
    static final int BENCHMARKS = 400;
    private static final long SEED = Long.getLong("budget.reliability.seed", System.nanoTime());

    @TempDir
    Path dir;

    private Path resultsA;
    private Path resultsB;
    private byte[] baselineA;
    private byte[] baselineB;
    private long writeNanos;

    @BeforeEach
    void twoLargeBaselines() throws Exception {
        resultsA = dir.resolve("results-a.json");
        resultsB = dir.resolve("results-b.json");
        KillTrialFiles.writeResults(resultsA, 1, BENCHMARKS);
        KillTrialFiles.writeResults(resultsB, 2, BENCHMARKS);
        baselineA = expected(resultsA, "A");
        baselineB = expected(resultsB, "B");
        assertThat(baselineA).isNotEqualTo(baselineB);
        // One write's duration (median of 5), only to spread the kill delays over several writes.
        long[] nanos = new long[5];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            BaselineWriter.writeAtomically(dir.resolve("timing/baseline.json"), baselineA);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        writeNanos = nanos[nanos.length / 2];
    }

    private byte[] expected(Path results, String name) throws Exception {
        Path file = dir.resolve("expected-" + name + "/baseline.json");
        KillTrialFiles.store(file, results, name);
        return Files.readAllBytes(file);
    }

    @Test
    void killMinus9DuringBaselineWritesLeavesTheOldOrTheNewCompleteBaseline() throws Exception {
        Path target = dir.resolve("project/src/perf/baseline.json");
        Files.createDirectories(target.getParent());
        Files.write(target, baselineA);
        Random random = new Random(SEED);
        int changed = 0;
        int tempLeft = 0;
        long started = System.nanoTime();
        for (int trial = 1; trial <= TRIALS; trial++) {
            byte[] before = Files.readAllBytes(target);
            killDuringWrites("atomic", target, random);
            byte[] after = Files.readAllBytes(target);
            String what = "trial " + trial + " (seed " + SEED + "): " + target + " holds " + after.length + " bytes";
            assertThat(Arrays.equals(after, baselineA) || Arrays.equals(after, baselineB))
                    .as(what + ", neither complete baseline (" + baselineA.length + " or " + baselineB.length + " bytes)")
                    .isTrue();
            RunResults read = ResultFiles.read(target);
            assertThat(read.results()).as(what).hasSize(BENCHMARKS);
            assertThat(read.reason()).as(what).hasValue(KillTrialFiles.reason(Arrays.equals(after, baselineA) ? "A" : "B"));
            List<Path> temps = tempFiles(target);
            // Each write first removes the temp file of the writer killed before it, so at most one is left.
            assertThat(temps).as(what).hasSizeLessThanOrEqualTo(1);
            tempLeft += temps.size();
            changed += Arrays.equals(before, after) ? 0 : 1;
        }
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        // budget:baseline's whole path (parse, validate, write) cleans up what the killed writers left.
        KillTrialFiles.store(target, resultsB, "B");
        assertThat(tempFiles(target)).as("temp files after the next complete write").isEmpty();
        assertThat(target).hasBinaryContent(baselineB);
        report("baseline-kill-9.txt", String.format(
                "%d kill -9 trials (seed %d), 0 broken baselines, %d replaced by the other complete baseline, "
                        + "%d killed mid-write (temp file left, removed by the next write); baseline %d bytes, "
                        + "one write %.1f ms in-process, %d ms for all trials%n",
                TRIALS, SEED, changed, tempLeft, baselineA.length, writeNanos / 1e6, elapsedMs));
    }

    /**
     * The control: the same trials against a writer that overwrites the file in place. If the harness
     * could not catch that, its "0 broken" would mean nothing, so every build runs it: until the first
     * broken baseline, at most 10 trials (the reliability run broke 28 of 30, so 10 misses in a row
     * are practically impossible while the harness works; usually the first kill breaks it). With
     * -Preliability (>= 100 trials) all 30 trials run and the count is reported.
     */
    @Test
    void theTrialsCatchAWriterThatIsNotCrashSafe() throws Exception {
        boolean full = TRIALS >= 100;
        int maxTrials = full ? 30 : 10;
        Path target = dir.resolve("naive/baseline.json");
        Files.createDirectories(target.getParent());
        Files.write(target, baselineA);
        Random random = new Random(SEED + 1);
        int trials = 0;
        int broken = 0;
        while (trials < maxTrials && (full || broken == 0)) {
            trials++;
            killDuringWrites("direct", target, random);
            byte[] after = Files.readAllBytes(target);
            if (!Arrays.equals(after, baselineA) && !Arrays.equals(after, baselineB)) {
                broken++;
                Files.write(target, baselineA);
            }
        }
        report("baseline-kill-9-naive-control.txt", String.format(
                "naive in-place writer: %d kill -9 trials (seed %d)%s, %d broken baselines%n", trials, SEED + 1,
                full ? "" : " until the first broken one", broken));
        assertThat(broken).as("broken baselines out of %d kills of a naive writer", trials).isPositive();
    }

    private void killDuringWrites(String mode, Path target, Random random) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                BaselineKillChild.class.getName(), mode, target.toString(),
                dir.resolve("expected-A/baseline.json").toString(), dir.resolve("expected-B/baseline.json").toString());
        Path stderr = dir.resolve("child.err");
        Process child = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String first = out.readLine();
            assertThat(first).as("child JVM did not start writing: %s", Files.readString(stderr)).isEqualTo("ready");
            // Anywhere from before the first write to a few writes in.
            LockSupport.parkNanos((long) (random.nextDouble() * 3 * writeNanos));
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.exitValue()).as("the child must die by SIGKILL, not by an error: %s", Files.readString(stderr))
                .isEqualTo(137);
    }

    private static List<Path> tempFiles(Path target) throws IOException {
        String prefix = "." + target.getFileName() + ".";
        try (Stream<Path> files = Files.list(target.getParent())) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)
                    && f.getFileName().toString().endsWith(BaselineWriter.TEMP_SUFFIX)).toList();
        }
    }

    private static void report(String name, String line) throws IOException {
        System.out.print(line);
        Path out = Path.of("target", "reliability");
        Files.createDirectories(out);
        Files.writeString(out.resolve(name), line, StandardCharsets.UTF_8);
    }
}
