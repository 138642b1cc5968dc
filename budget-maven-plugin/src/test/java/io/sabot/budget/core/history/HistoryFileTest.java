package io.sabot.budget.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.budget.core.model.BenchmarkKey;
import io.sabot.budget.core.model.Environment;
import io.sabot.budget.core.model.Mode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryFileTest {

    static final Environment ENV = new Environment("Vendor", "17.0.9", "VM", "Linux", "amd64", "CPU", 2, "1.37", List.of("-Xmx1g"));
    static final BenchmarkKey KEY = new BenchmarkKey("io.x.Bench.get", Mode.AVERAGE_TIME, Map.of("size", "10", "kind", "a\"b\n"));

    @TempDir
    Path dir;

    static HistoryEntry entry(int run, double score) {
        return new HistoryEntry(Instant.parse("2026-11-25T12:00:00Z").plusSeconds(run * 60L),
                run % 2 == 0 ? Optional.of("0123456789abcdef0123456789abcdef0123456" + run) : Optional.empty(), Optional.of(ENV),
                List.of(new HistoryEntry.Benchmark(KEY, 1, "ns/op", score, new double[] {score - 1, score + 1})));
    }

    @Test
    void appendedRunsReadBackInOrderWithEveryField() throws Exception {
        Path file = dir.resolve("nested/.budget/history.jsonl");
        HistoryFile.append(file, entry(0, 100));
        HistoryFile.append(file, entry(1, 110));

        HistoryFile.Read read = HistoryFile.read(file);

        assertThat(read.warnings()).isEmpty();
        assertThat(read.entries()).hasSize(2);
        HistoryEntry first = read.entries().get(0);
        assertThat(first.time()).isEqualTo(Instant.parse("2026-11-25T12:00:00Z"));
        assertThat(first.commit()).contains("0123456789abcdef0123456789abcdef01234560");
        assertThat(first.environment()).contains(ENV);
        HistoryEntry.Benchmark b = first.benchmarks().get(0);
        assertThat(b.key()).isEqualTo(KEY);
        assertThat(b.unit()).isEqualTo("ns/op");
        assertThat(b.score()).isEqualTo(100);
        assertThat(b.forkMeans()).containsExactly(99, 101);
        assertThat(read.entries().get(1).commit()).isEmpty();
        assertThat(Files.readAllLines(file)).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("{\"v\":1,"));
    }

    @Test
    void aTornLastLineIsSkippedWithAWarningAndTheNextAppendStartsOnAFreshLine() throws Exception {
        Path file = dir.resolve("history.jsonl");
        HistoryFile.append(file, entry(0, 100));
        String second = HistoryFile.toJson(entry(1, 110));
        // a crash in the middle of the second append
        Files.writeString(file, second.substring(0, second.length() / 2), StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        HistoryFile.Read torn = HistoryFile.read(file);
        assertThat(torn.entries()).hasSize(1);
        assertThat(torn.warnings()).singleElement().asString()
                .startsWith(file + ":2: skipped an incomplete last line (an interrupted write?)");

        HistoryFile.append(file, entry(2, 120));
        HistoryFile.Read after = HistoryFile.read(file);
        assertThat(after.entries()).extracting(e -> e.benchmarks().get(0).score()).containsExactly(100.0, 120.0);
        assertThat(after.warnings()).singleElement().asString().startsWith(file + ":2: skipped a line that is not a history entry");
    }

    @Test
    void linesThatAreNotEntriesAreSkippedEachWithItsLineNumber() throws Exception {
        Path file = dir.resolve("history.jsonl");
        Files.writeString(file, String.join("\n",
                HistoryFile.toJson(entry(0, 100)),
                "",
                "[1, 2]",
                "{\"v\":2,\"time\":\"2026-11-25T12:00:00Z\",\"benchmarks\":[]}",
                "{\"v\":1,\"time\":\"yesterday\",\"benchmarks\":[]}",
                "{\"v\":1,\"time\":\"2026-11-25T12:00:00Z\",\"benchmarks\":[{\"benchmark\":\"a.B.c\",\"mode\":\"avgt\",\"unit\":\"ns/op\"}]}",
                HistoryFile.toJson(entry(1, 110))) + "\n");

        HistoryFile.Read read = HistoryFile.read(file);

        assertThat(read.entries()).hasSize(2);
        assertThat(read.warnings()).containsExactly(
                file + ":3: skipped a line that is not a history entry: not a JSON object",
                file + ":4: skipped a line that is not a history entry: format version 2 (this plugin reads 1)",
                file + ":5: skipped a line that is not a history entry: \"time\" is not an ISO-8601 instant",
                file + ":6: skipped a line that is not a history entry: \"score\" is not a finite number");
    }

    @Test
    void aMissingFileIsAnEmptyHistory() throws Exception {
        HistoryFile.Read read = HistoryFile.read(dir.resolve("none.jsonl"));
        assertThat(read.entries()).isEmpty();
        assertThat(read.warnings()).isEmpty();
    }

    @Test
    void concurrentAppendsNeverInterleave() throws Exception {
        Path file = dir.resolve("history.jsonl");
        List<Thread> threads = new java.util.ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int base = t * 100;
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 25; i++) {
                    try {
                        HistoryFile.append(file, entry(base + i, base + i + 1));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        HistoryFile.Read read = HistoryFile.read(file);
        assertThat(read.warnings()).isEmpty();
        assertThat(read.entries()).hasSize(100);
    }
}
