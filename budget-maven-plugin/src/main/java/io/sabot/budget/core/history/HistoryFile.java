package io.sabot.budget.core.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sabot.budget.core.io.JsonTrees;
import io.sabot.budget.core.io.ResultFileException;
import io.sabot.budget.core.io.ResultFiles;
import io.sabot.budget.core.model.BenchmarkKey;
import io.sabot.budget.core.model.Environment;
import io.sabot.budget.core.model.Mode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The history file: JSON Lines, one run per line, only ever appended to.
 *
 * <pre>
 * {"v":1,"time":"2026-11-25T12:00:00Z","commit":"3f2c…"?,"environment":{…}?,
 *  "benchmarks":[{"benchmark":"io.x.Bench.get","mode":"avgt","params":{"size":"10"},"threads":1,
 *                 "unit":"ns/op","score":123.4,"forkMeans":[121.0,125.8]}]}
 * </pre>
 *
 * An append writes the whole line with one write on a file opened for appending, under a file lock,
 * then forces it to disk; earlier lines are never rewritten, so a crash can at worst leave the last
 * line torn. Reading skips any line that is not a complete entry, with a warning naming the line, and
 * an append after a torn line starts on a fresh line so the torn one stays isolated.
 */
public final class HistoryFile {

    public static final int FORMAT_VERSION = 1;
    /** Parallel modules of one build may share a history file; FileLock alone does not exclude threads of one JVM. */
    private static final Object APPEND_LOCK = new Object();

    private HistoryFile() {
    }

    /** What a read found: the complete entries in file order, and a warning per skipped line. */
    public record Read(List<HistoryEntry> entries, List<String> warnings) {
        public Read {
            entries = List.copyOf(entries);
            warnings = List.copyOf(warnings);
        }
    }

    public static void append(Path file, HistoryEntry entry) throws IOException {
        byte[] line = (toJson(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        synchronized (APPEND_LOCK) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
                 FileLock ignored = channel.lock()) {
                ByteBuffer buffer = ByteBuffer.allocate(line.length + 1);
                if (endsWithoutNewline(file)) {
                    buffer.put((byte) '\n');
                }
                buffer.put(line).flip();
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
        }
    }

    private static boolean endsWithoutNewline(Path file) throws IOException {
        try (FileChannel reader = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = reader.size();
            if (size == 0) {
                return false;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            reader.read(last, size - 1);
            return last.get(0) != '\n';
        }
    }

    /** Reads every complete entry; a missing file is an empty history. */
    public static Read read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new Read(List.of(), List.of());
        }
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        List<HistoryEntry> entries = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            boolean last = i == lines.length - 1;
            try {
                entries.add(parse(line));
            } catch (IllegalArgumentException e) {
                warnings.add(file + ":" + (i + 1) + ": skipped " + (last ? "an incomplete last line (an interrupted write?)"
                        : "a line that is not a history entry") + ": " + e.getMessage());
            }
        }
        return new Read(entries, warnings);
    }

    static String toJson(HistoryEntry entry) {
        ObjectNode root = JsonTrees.object();
        root.put("v", FORMAT_VERSION);
        root.put("time", entry.time().toString());
        entry.commit().ifPresent(c -> root.put("commit", c));
        entry.environment().ifPresent(e -> root.set("environment", JsonTrees.environment(e)));
        ArrayNode benchmarks = root.putArray("benchmarks");
        for (HistoryEntry.Benchmark b : entry.benchmarks()) {
            ObjectNode node = benchmarks.addObject();
            node.put("benchmark", b.key().benchmark());
            node.put("mode", b.key().mode().jmhName());
            ObjectNode params = node.putObject("params");
            new java.util.TreeMap<>(b.key().params()).forEach(params::put);
            node.put("threads", b.threads());
            node.put("unit", b.unit());
            node.put("score", b.score());
            ArrayNode forks = node.putArray("forkMeans");
            for (double mean : b.forkMeans()) {
                forks.add(mean);
            }
        }
        return JsonTrees.compact(root);
    }

    /** @throws IllegalArgumentException saying what is wrong with the line */
    static HistoryEntry parse(String line) {
        JsonNode root;
        try {
            root = JsonTrees.read(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON (" + e.getMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        int version = root.path("v").asInt(-1);
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException("format version " + root.path("v") + " (this plugin reads " + FORMAT_VERSION + ")");
        }
        Instant time;
        try {
            time = Instant.parse(text(root, "time"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"time\" is not an ISO-8601 instant");
        }
        Optional<String> commit = root.hasNonNull("commit") ? Optional.of(root.get("commit").asText()) : Optional.empty();
        Optional<Environment> environment = Optional.empty();
        if (root.hasNonNull("environment")) {
            try {
                environment = Optional.of(ResultFiles.environment("history", root.get("environment")));
            } catch (ResultFileException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
        }
        JsonNode benchmarks = root.get("benchmarks");
        if (benchmarks == null || !benchmarks.isArray()) {
            throw new IllegalArgumentException("no \"benchmarks\" array");
        }
        List<HistoryEntry.Benchmark> parsed = new ArrayList<>();
        for (JsonNode b : benchmarks) {
            Map<String, String> params = new LinkedHashMap<>();
            b.path("params").fields().forEachRemaining(p -> params.put(p.getKey(), p.getValue().asText()));
            JsonNode forks = b.path("forkMeans");
            double[] forkMeans = new double[forks.size()];
            for (int f = 0; f < forkMeans.length; f++) {
                forkMeans[f] = number(forks.get(f), "forkMeans");
            }
            BenchmarkKey key = new BenchmarkKey(text(b, "benchmark"), Mode.fromJmh(text(b, "mode")), params);
            parsed.add(new HistoryEntry.Benchmark(key, b.path("threads").asInt(1), text(b, "unit"),
                    number(b.get("score"), "score"), forkMeans));
        }
        return new HistoryEntry(time, commit, environment, parsed);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new IllegalArgumentException("missing \"" + field + "\"");
        }
        return value.asText();
    }

    private static double number(JsonNode value, String field) {
        if (value == null || !value.isNumber() || !Double.isFinite(value.asDouble())) {
            throw new IllegalArgumentException("\"" + field + "\" is not a finite number");
        }
        return value.asDouble();
    }
}
