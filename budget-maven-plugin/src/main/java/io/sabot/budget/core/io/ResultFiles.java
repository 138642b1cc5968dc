package io.sabot.budget.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sabot.budget.core.model.Environment;
import io.sabot.budget.core.model.MachineSpeed;
import io.sabot.budget.core.model.RunResults;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads result files of either kind: plain JMH JSON (an array, as written by {@code -rf json}) or a
 * baseline file (an object with the environment, time, reason and the JMH results inside).
 */
public final class ResultFiles {

    static final String BASELINE_FORMAT = "budget-baseline";
    static final int BASELINE_VERSION = 1;

    private ResultFiles() {
    }

    public static RunResults read(Path file) throws ResultFileException {
        return read(file.toString(), readBytes(file));
    }

    /**
     * Any JSON file the plugin wrote (results, baseline, report.json), with the errors of a result file:
     * missing, empty, not UTF-8, not JSON at line:column.
     */
    public static JsonNode readJson(Path file) throws ResultFileException {
        return readTree(file.toString(), readBytes(file));
    }

    /** Reads the content of a result file named {@code source} (for messages). */
    static RunResults read(String source, byte[] content) throws ResultFileException {
        JsonNode root = readTree(source, content);
        if (root.isArray()) {
            return new RunResults(source, new JmhResultParser(source).parse(root), Optional.empty(), Optional.empty(), Optional.empty());
        }
        if (root.isObject() && BASELINE_FORMAT.equals(root.path("format").asText())) {
            return baseline(source, (ObjectNode) root);
        }
        throw new ResultFileException(source + ": neither JMH JSON results (a JSON array) nor a budget baseline"
                + " (an object with \"format\": \"" + BASELINE_FORMAT + "\")");
    }

    /**
     * The commit a baseline file records (the code its results measured), or empty for plain JMH JSON
     * and baselines recorded outside a git repository.
     */
    public static Optional<String> baselineCommit(Path file) throws ResultFileException {
        JsonNode root = readJson(file);
        JsonNode commit = root.path("commit");
        if (!root.isObject() || !commit.isTextual()) {
            return Optional.empty();
        }
        String id = commit.asText().strip();
        if (!id.matches("[0-9a-f]{7,64}")) {
            throw new ResultFileException(file + ": \"commit\" is not a git object id: " + commit);
        }
        return Optional.of(id);
    }

    /** The JMH result entries exactly as stored, so a baseline keeps every field JMH wrote. */
    static ArrayNode rawResults(Path file) throws ResultFileException {
        JsonNode root = readJson(file);
        if (root.isArray()) {
            return (ArrayNode) root;
        }
        JsonNode results = root.path("results");
        if (results.isArray()) {
            return (ArrayNode) results;
        }
        throw new ResultFileException(file + ": has no JMH results");
    }

    private static RunResults baseline(String source, ObjectNode root) throws ResultFileException {
        int version = root.path("version").asInt(-1);
        if (version != BASELINE_VERSION) {
            throw new ResultFileException(source + ": baseline format version " + root.path("version")
                    + " is not supported (this plugin reads version " + BASELINE_VERSION + ")");
        }
        JsonNode results = root.get("results");
        if (results == null || !results.isArray()) {
            throw new ResultFileException(source + ": baseline has no \"results\" array; re-record it with"
                    + " mvn budget:baseline -Dbudget.reason=\"...\"");
        }
        Optional<Instant> recordedAt = Optional.empty();
        if (root.hasNonNull("recordedAt")) {
            try {
                recordedAt = Optional.of(Instant.parse(root.get("recordedAt").asText()));
            } catch (DateTimeParseException e) {
                throw new ResultFileException(source + ": \"recordedAt\" is not an ISO-8601 instant: " + root.get("recordedAt"));
            }
        }
        Optional<String> reason = root.hasNonNull("reason") ? Optional.of(root.get("reason").asText()) : Optional.empty();
        Optional<Environment> environment = root.hasNonNull("environment")
                ? Optional.of(environment(source, root.get("environment"))) : Optional.empty();
        return new RunResults(source, new JmhResultParser(source).parse(results), environment, recordedAt, reason);
    }

    public static Environment environment(String source, JsonNode node) throws ResultFileException {
        if (!node.isObject()) {
            throw new ResultFileException(source + ": \"environment\" must be an object");
        }
        List<String> jvmArgs = new ArrayList<>();
        node.path("jvmArgs").forEach(a -> jvmArgs.add(a.asText()));
        return new Environment(node.path("jdkVendor").asText(""), node.path("jdkVersion").asText(""),
                node.path("vmName").asText(""), node.path("os").asText(""), node.path("arch").asText(""),
                node.path("cpuModel").asText(""), node.path("cores").asInt(0), node.path("jmhVersion").asText(""), jvmArgs,
                speed(source, node.path("speed")));
    }

    /** The machine speed of a baseline; absent in baselines written before it was measured. */
    private static MachineSpeed speed(String source, JsonNode node) throws ResultFileException {
        if (node.isMissingNode() || node.isNull()) {
            return MachineSpeed.UNKNOWN;
        }
        JsonNode cpu = node.path("cpuNanosPerStep");
        JsonNode memory = node.path("memoryNanosPerLoad");
        if (!node.isObject() || !(cpu.isMissingNode() || cpu.isNumber()) || !(memory.isMissingNode() || memory.isNumber())) {
            throw new ResultFileException(source + ": \"environment.speed\" must be an object with numbers"
                    + " \"cpuNanosPerStep\" and \"memoryNanosPerLoad\"");
        }
        try {
            return new MachineSpeed(cpu.asDouble(0), memory.asDouble(0));
        } catch (IllegalArgumentException e) {
            throw new ResultFileException(source + ": \"environment.speed\": " + e.getMessage());
        }
    }

    private static byte[] readBytes(Path file) throws ResultFileException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ResultFileException(file + ": file not found");
        } catch (AccessDeniedException e) {
            throw new ResultFileException(file + ": permission denied");
        } catch (IOException e) {
            throw new ResultFileException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static JsonNode readTree(String source, byte[] content) throws ResultFileException {
        if (content.length == 0) {
            throw new ResultFileException(source + ": file is empty (did the JMH run finish?)");
        }
        int bad = Utf8Text.firstInvalidByte(content);
        if (bad >= 0) {
            throw new ResultFileException(Utf8Text.locationOf(source, content, bad) + ": " + Utf8Text.problem(content, bad));
        }
        try {
            JsonNode root = JsonTrees.read(content);
            if (root == null || root.isMissingNode()) {
                throw new ResultFileException(source + ": file holds no JSON");
            }
            return root;
        } catch (JsonProcessingException e) {
            var l = e.getLocation();
            String at = l == null ? "" : ":" + l.getLineNr() + ":" + l.getColumnNr();
            throw new ResultFileException(source + at + ": not valid JSON (" + ParserMessages.plain(e.getOriginalMessage()) + ")", e);
        } catch (IOException e) {
            throw new ResultFileException(source + ": cannot read (" + e.getMessage() + ")", e);
        }
    }
}
