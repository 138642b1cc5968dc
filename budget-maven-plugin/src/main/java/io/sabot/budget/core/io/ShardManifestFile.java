package io.sabot.budget.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sabot.budget.core.model.BenchmarkUnit;
import io.sabot.budget.core.model.PairedRun;
import io.sabot.budget.core.model.ShardManifest;
import io.sabot.budget.core.model.ShardSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Writes and reads a shard's {@code shard.json} (format {@code budget-shard}, version 1). */
public final class ShardManifestFile {

    static final String FORMAT = "budget-shard";
    static final int VERSION = 1;

    private ShardManifestFile() {
    }

    /** Writes the manifest atomically: the file is the complete manifest or absent. */
    public static void write(Path file, ShardManifest m) throws IOException {
        ObjectNode root = JsonTrees.object();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("shard", m.shard().toString());
        root.set("suite", units(m.suite()));
        root.set("units", units(m.units()));
        m.commit().ifPresent(c -> root.put("commit", c));
        root.set("environment", JsonTrees.environment(m.environment()));
        root.put("budgetFileSha256", m.budgetFileSha256());
        m.baselineSha256().ifPresent(s -> root.put("baselineSha256", s));
        root.put("looks", m.looks());
        root.put("subset", m.subset());
        if (m.paired().isPresent()) {
            ShardManifest.Paired p = m.paired().get();
            ObjectNode paired = root.putObject("paired");
            paired.put("baselineSource", p.baselineSource());
            paired.put("seed", p.seed());
            PairsJson.write(paired.putArray("pairs"), p.pairs());
        }
        ArrayNode confirmations = root.putArray("confirmations");
        m.confirmations().forEach(confirmations::add);
        BaselineWriter.writeAtomically(file, JsonTrees.prettyBytes(root));
    }

    private static ArrayNode units(List<BenchmarkUnit> units) {
        ArrayNode array = JsonTrees.array();
        for (BenchmarkUnit u : units) {
            ObjectNode n = array.addObject();
            n.put("benchmark", u.benchmark());
            ObjectNode params = n.putObject("params");
            u.params().forEach(params::put);
        }
        return array;
    }

    /** Reads a manifest; every problem names the file and the field. */
    public static ShardManifest read(Path file) throws ResultFileException {
        String source = file.toString();
        JsonNode root;
        try {
            root = JsonTrees.read(java.nio.file.Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ResultFileException(source + ": cannot read the shard manifest (" + e.getMessage() + ")", e);
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw new ResultFileException(source + ": not a shard manifest (an object with \"format\": \"" + FORMAT + "\")");
        }
        if (root.path("version").asInt(-1) != VERSION) {
            throw new ResultFileException(source + ": shard manifest version " + root.path("version")
                    + " is not supported (this plugin reads version " + VERSION + ")");
        }
        ShardSpec shard;
        try {
            shard = ShardSpec.parse(root.path("shard").asText(), source + ": \"shard\"");
        } catch (IllegalArgumentException e) {
            throw new ResultFileException(e.getMessage());
        }
        if (!root.path("environment").isObject() || !root.path("budgetFileSha256").isTextual()) {
            throw new ResultFileException(source + ": the shard manifest lacks \"environment\" or \"budgetFileSha256\"");
        }
        Optional<ShardManifest.Paired> paired = Optional.empty();
        JsonNode p = root.path("paired");
        if (p.isObject()) {
            List<PairedRun.Pair> pairs = PairsJson.read(p.path("pairs"));
            paired = Optional.of(new ShardManifest.Paired(p.path("baselineSource").asText(), p.path("seed").asLong(), pairs));
        }
        List<String> confirmations = new ArrayList<>();
        root.path("confirmations").forEach(c -> confirmations.add(c.asText()));
        return new ShardManifest(shard, units(source, root, "suite"), units(source, root, "units"),
                root.path("commit").isTextual() ? Optional.of(root.get("commit").asText()) : Optional.empty(),
                ResultFiles.environment(source, root.get("environment")), root.get("budgetFileSha256").asText(),
                root.path("baselineSha256").isTextual() ? Optional.of(root.get("baselineSha256").asText()) : Optional.empty(),
                Math.max(1, root.path("looks").asInt(1)), root.path("subset").asBoolean(false), paired, confirmations);
    }

    private static List<BenchmarkUnit> units(String source, JsonNode root, String field) throws ResultFileException {
        JsonNode array = root.path(field);
        if (!array.isArray()) {
            throw new ResultFileException(source + ": the shard manifest has no \"" + field + "\" array");
        }
        List<BenchmarkUnit> units = new ArrayList<>();
        for (JsonNode n : array) {
            if (!n.path("benchmark").isTextual()) {
                throw new ResultFileException(source + ": an entry of \"" + field + "\" has no \"benchmark\" name");
            }
            units.add(new BenchmarkUnit(n.get("benchmark").asText(), strings(n.path("params"))));
        }
        return units;
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new TreeMap<>();
        object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
