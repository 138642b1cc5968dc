package io.sabot.budget.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sabot.budget.core.model.PairedRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The pairs of a paired run as JSON, one shape in report.json and in a shard's shard.json. */
public final class PairsJson {

    private PairsJson() {
    }

    /** Appends each pair as {round, benchmarks, params (when pinned), baselineFirst}. */
    public static void write(ArrayNode array, List<PairedRun.Pair> pairs) {
        for (PairedRun.Pair pair : pairs) {
            ObjectNode o = array.addObject();
            o.put("round", pair.round());
            ArrayNode benchmarks = o.putArray("benchmarks");
            pair.benchmarks().forEach(benchmarks::add);
            if (!pair.params().isEmpty()) {
                ObjectNode params = o.putObject("params");
                pair.params().forEach(params::put);
            }
            o.put("baselineFirst", pair.baselineFirst());
        }
    }

    public static List<PairedRun.Pair> read(JsonNode array) {
        List<PairedRun.Pair> pairs = new ArrayList<>();
        for (JsonNode n : array) {
            List<String> names = new ArrayList<>();
            n.path("benchmarks").forEach(b -> names.add(b.asText()));
            Map<String, String> params = new TreeMap<>();
            n.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            pairs.add(new PairedRun.Pair(n.path("round").asInt(), names, params, n.path("baselineFirst").asBoolean()));
        }
        return pairs;
    }
}
