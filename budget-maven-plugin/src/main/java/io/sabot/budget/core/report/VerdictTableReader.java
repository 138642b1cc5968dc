package io.sabot.budget.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.sabot.budget.core.io.ResultFileException;
import io.sabot.budget.core.io.ResultFiles;
import io.sabot.budget.core.model.BenchmarkKey;
import io.sabot.budget.core.model.Mode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.StreamSupport;

/**
 * Reads a {@code report.json} written by budget:check back into a {@link VerdictTable}, cell for cell
 * as the console and Markdown reports show it. The check itself is not repeated: its verdicts rest on
 * confirmation runs and paired forks that only the build that measured them saw.
 */
public final class VerdictTableReader {

    private VerdictTableReader() {
    }

    public static VerdictTable read(Path reportJson) throws ResultFileException {
        String source = reportJson.toString();
        JsonNode root = ResultFiles.readJson(reportJson);
        if (!root.isObject() || !root.has("checks")) {
            throw new ResultFileException(source + ": not a budget report (an object with \"schemaVersion\" and \"checks\");"
                    + " run mvn verify to write it again");
        }
        int version = root.path("schemaVersion").asInt(-1);
        if (version != JsonReport.SCHEMA_VERSION) {
            throw new ResultFileException(source + ": report schema version " + root.path("schemaVersion")
                    + " is not supported (this plugin reads version " + JsonReport.SCHEMA_VERSION
                    + "); run mvn verify with this plugin to write it again");
        }
        JsonNode summary = object(source, root, "summary");
        VerdictCounts counts = new VerdictCounts(count(source, summary, "checks"), count(source, summary, "passed"),
                count(source, summary, "failed"), count(source, summary, "warnings"), count(source, summary, "inconclusive"));
        List<VerdictTable.Row> rows = new ArrayList<>();
        JsonNode checks = root.get("checks");
        if (!checks.isArray()) {
            throw new ResultFileException(source + ": \"checks\" must be an array");
        }
        for (int i = 0; i < checks.size(); i++) {
            rows.add(row(source + ": checks[" + i + "]", checks.get(i)));
        }
        rows.sort(Comparator.comparingInt(r -> VerdictOrder.rank(r.verdict())));
        return new VerdictTable(root.path("project").asText("this project"), counts, facts(source, root),
                TableRows.HEADER, rows, texts(root.path("problems")), texts(root.path("notes")));
    }

    private static List<VerdictTable.Fact> facts(String source, JsonNode root) throws ResultFileException {
        List<VerdictTable.Fact> facts = new ArrayList<>();
        JsonNode baseline = root.path("baseline");
        if (baseline.isObject()) {
            Optional<String> environment = baseline.hasNonNull("environment")
                    ? Optional.of(ResultFiles.environment(source, baseline.get("environment")).summary()) : Optional.empty();
            facts.add(new VerdictTable.Fact("Baseline", MarkdownReport.baselineText(baseline.path("source").asText("?"),
                    text(baseline, "recordedAt"), text(baseline, "reason"), environment)));
        }
        JsonNode paired = root.path("paired");
        if (paired.isObject()) {
            JsonNode pairs = paired.path("pairs");
            long rounds = StreamSupport.stream(pairs.spliterator(), false).mapToInt(p -> p.path("round").asInt()).distinct().count();
            facts.add(new VerdictTable.Fact("Paired run", MarkdownReport.pairedText(paired.path("baselineSource").asText("?"),
                    pairs.size(), rounds, paired.path("seed").asLong())));
        }
        if (root.hasNonNull("environment")) {
            facts.add(new VerdictTable.Fact("Measured on", ResultFiles.environment(source, root.get("environment")).summary()));
        }
        if (root.path("elapsedSeconds").isNumber()) {
            facts.add(new VerdictTable.Fact("Took", Math.round(root.get("elapsedSeconds").asDouble()) + " s"));
        }
        return facts;
    }

    private static VerdictTable.Row row(String where, JsonNode check) throws ResultFileException {
        if (!check.isObject()) {
            throw new ResultFileException(where + " must be an object");
        }
        String label = required(where, check, "verdictLabel");
        Mode mode;
        try {
            mode = Mode.fromJmh(required(where, check, "mode"));
        } catch (IllegalArgumentException e) {
            throw new ResultFileException(where + ": " + e.getMessage());
        }
        Map<String, String> params = new LinkedHashMap<>();
        check.path("params").fields().forEachRemaining(p -> params.put(p.getKey(), p.getValue().asText()));
        BenchmarkKey key = new BenchmarkKey(required(where, check, "benchmark"), mode, params);
        List<String> cells = TableRows.row(required(where, check, "id"), key.label(), check.path("limit").asText("-"),
                number(check, "baseline"), number(check, "measured").orElse(Double.NaN), check.path("unit").asText(""),
                number(check, "change"), label);
        return new VerdictTable.Row(cells, label, check.path("message").asText(""), texts(check.path("notes")));
    }

    private static JsonNode object(String source, JsonNode root, String field) throws ResultFileException {
        JsonNode node = root.path(field);
        if (!node.isObject()) {
            throw new ResultFileException(source + ": \"" + field + "\" must be an object");
        }
        return node;
    }

    private static int count(String source, JsonNode summary, String field) throws ResultFileException {
        JsonNode node = summary.path(field);
        if (!node.canConvertToInt() || node.asInt() < 0) {
            throw new ResultFileException(source + ": \"summary." + field + "\" must be a count, not " + node);
        }
        return node.asInt();
    }

    private static String required(String where, JsonNode check, String field) throws ResultFileException {
        JsonNode node = check.path(field);
        if (!node.isTextual()) {
            throw new ResultFileException(where + ": \"" + field + "\" must be a string");
        }
        return node.asText();
    }

    private static Optional<String> text(JsonNode node, String field) {
        return node.hasNonNull(field) ? Optional.of(node.get(field).asText()) : Optional.empty();
    }

    private static OptionalDouble number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? OptionalDouble.of(value.asDouble()) : OptionalDouble.empty();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }
}
