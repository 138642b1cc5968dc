package io.sabot.budget.core.model;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Identity of a benchmark result across runs: the fully qualified benchmark method, the mode and
 * the @Param values. Two runs are compared key by key.
 */
public record BenchmarkKey(String benchmark, Mode mode, Map<String, String> params) {

    public BenchmarkKey {
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(mode, "mode");
        params = Map.copyOf(params);
    }

    /** "Class.method" without the package, which is what people read in a table. */
    public String shortName() {
        return shortName(benchmark);
    }

    /** "Class.method" of a fully qualified benchmark name. */
    public static String shortName(String benchmark) {
        int method = benchmark.lastIndexOf('.');
        int type = method > 0 ? benchmark.lastIndexOf('.', method - 1) : -1;
        return benchmark.substring(type + 1);
    }

    /** "Class.method[size=10,kind=a] (avgt)". */
    public String label() {
        return shortName() + paramsText() + " (" + mode.jmhName() + ")";
    }

    public String paramsText() {
        if (params.isEmpty()) {
            return "";
        }
        // A loop, not a stream: labels are written for every check and report row.
        StringBuilder text = new StringBuilder("[");
        for (Map.Entry<String, String> e : new TreeMap<>(params).entrySet()) {
            text.append(text.length() > 1 ? "," : "").append(e.getKey()).append('=').append(e.getValue());
        }
        return text.append(']').toString();
    }

    @Override
    public String toString() {
        return benchmark + paramsText() + " (" + mode.jmhName() + ")";
    }

    /**
     * True when this benchmark and {@code other} agree on every @Param both declare: the peer of a
     * ratio budget is the result measured with the same parameter values.
     */
    public boolean sharesParamValuesWith(BenchmarkKey other) {
        for (Map.Entry<String, String> e : other.params().entrySet()) {
            String value = params.get(e.getKey());
            if (value != null && !value.equals(e.getValue())) {
                return false;
            }
        }
        return true;
    }
}
