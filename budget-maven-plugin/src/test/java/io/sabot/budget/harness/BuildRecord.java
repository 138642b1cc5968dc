package io.sabot.budget.harness;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.sabot.budget.core.model.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * What one real harness build measured and decided, one JSON line in {@code builds.jsonl}: the
 * condition, when and under what load it ran, how long it took, how much it measured, and every
 * regression check's final verdict with its interval and at which look it was decided. Sessions
 * append to the same file, so figures can span sessions hours apart.
 *
 * @param session                 when the session started (ISO instant), the same for all its builds
 * @param mode                    {@code paired}, {@code stored} (against a baseline recorded at the session's start)
 *                                or {@code stored-earlier} (against one an earlier session recorded)
 * @param load                    {@code idle} or {@code cpu}
 * @param slowdown                the work injected into the current side (0: A/A)
 * @param start                   ISO instant the build started
 * @param loadBefore              1/5/15-minute load averages before the build
 * @param measurementSeconds      the most measurement (JMH's measurement iterations; warm-up not counted) any
 *                                benchmark got on the current side, confirmation included. Records written before
 *                                2026-12-06 06:00 counted warm-up too (one 200 ms iteration per fork)
 * @param baselineMeasurementSeconds the same for the baseline side (paired); the stored baseline's own (stored)
 * @param roundNoise              paired: the standard deviation of the per-round log ratio, pooled over the
 *                                benchmarks' first 3 rounds; stored: that of the log fork means of the current
 *                                side's first 3 forks (times sqrt(2) it is the noise of an unpaired ratio)
 * @param error                   empty when the build finished; else why it did not (then {@code checks} is empty)
 * @param roundsPerLook           rounds (paired) or forks (stored) of the first look, and of each adaptive look and
 *                                confirmation after it; records written before the field existed had 3
 */
record BuildRecord(String session, int index, String mode, String load, double slowdown, String start, double wallSeconds,
                   String loadBefore, String loadAfter, long seed, double measurementSeconds, double baselineMeasurementSeconds,
                   double roundNoise, List<Check> checks, String error, int roundsPerLook) {

    /** What records written before {@code roundsPerLook} existed had: looks of 3 rounds or forks. */
    static final int ROUNDS_PER_LOOK_BEFORE_THE_FIELD = 3;

    /**
     * One regression check.
     *
     * @param look        the look (1 = the first evaluation, 2.. = after adaptive rounds) that decided it; for a check
     *                    INCONCLUSIVE at the end, the number of looks it had
     * @param confirmed   a FAIL that was measured again and failed again
     * @param overturned  failed first, but not in the confirmation
     * @param threshold   the threshold it was judged against (stored mode raises it on a slower machine)
     */
    record Check(String benchmark, String verdict, double estimate, double low, double high, double threshold, int look,
                 boolean confirmed, boolean overturned) {

        Verdict verdictValue() {
            return Verdict.valueOf(verdict);
        }
    }

    BuildRecord {
        checks = List.copyOf(checks);
        error = error == null ? "" : error;
        roundsPerLook = roundsPerLook == 0 ? ROUNDS_PER_LOOK_BEFORE_THE_FIELD : roundsPerLook;
    }

    BuildRecord withMode(String other) {
        return new BuildRecord(session, index, other, load, slowdown, start, wallSeconds, loadBefore, loadAfter, seed,
                measurementSeconds, baselineMeasurementSeconds, roundNoise, checks, error, roundsPerLook);
    }

    boolean finished() {
        return error.isEmpty();
    }

    boolean anyFail() {
        return checks.stream().anyMatch(c -> c.verdictValue() == Verdict.FAIL);
    }

    long count(Verdict verdict) {
        return checks.stream().filter(c -> c.verdictValue() == verdict).count();
    }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    String toJson() throws IOException {
        return JSON.writeValueAsString(this);
    }

    static BuildRecord fromJson(String line) throws IOException {
        return JSON.readValue(line, BuildRecord.class);
    }

    static void append(Path file, BuildRecord record) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, record.toJson() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** Every record in the file, in the order written; a torn last line (a harness killed mid-write) is skipped. */
    static List<BuildRecord> readAll(Path file) throws IOException {
        List<BuildRecord> records = new ArrayList<>();
        if (!Files.exists(file)) {
            return records;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                records.add(fromJson(line));
            } catch (IOException e) {
                if (i < lines.size() - 1) {
                    throw new IOException(file + " line " + (i + 1) + " is not a build record: " + e.getMessage(), e);
                }
            }
        }
        return records;
    }
}
