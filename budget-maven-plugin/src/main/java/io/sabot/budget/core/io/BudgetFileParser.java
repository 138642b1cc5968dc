package io.sabot.budget.core.io;

import io.sabot.budget.core.model.BenchmarkPattern;
import io.sabot.budget.core.model.Bound;
import io.sabot.budget.core.model.Budget;
import io.sabot.budget.core.model.BudgetFile;
import io.sabot.budget.core.model.JmhOptions;
import io.sabot.budget.core.model.Level;
import io.sabot.budget.core.model.Limit;
import io.sabot.budget.core.model.MetricUnit;
import io.sabot.budget.core.model.Quantity;
import io.sabot.budget.core.model.SourceLocation;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code performance-budgets.yml}. Every problem is collected with its file, line and column,
 * unknown keys get a "did you mean" hint, and the file is rejected as a whole if anything is wrong:
 * a half-understood budget file must never let a build pass.
 */
public final class BudgetFileParser {

    static final Set<String> TOP_KEYS = Set.of("version", "defaults", "jmh", "budgets");
    static final Set<String> DEFAULTS_KEYS = Set.of("regression", "level");
    static final Set<String> JMH_KEYS = Set.of("forks", "warmup", "measurement", "profilers", "jvm-args");
    static final Set<String> BUDGET_KEYS = Set.of("id", "description", "benchmark", "params", "max", "min",
            "p50", "p90", "p95", "p99", "p99.9", "p99.99", "p100", "alloc", "metric", "faster-than", "by",
            "regression", "level");

    static final String ALLOC_METRIC = "gc.alloc.rate.norm";
    private static final Pattern PERCENTILE_KEY = Pattern.compile("p(\\d{1,3}(?:\\.\\d+)?)");
    private static final Pattern PERCENT = Pattern.compile("\\s*([0-9]*\\.?[0-9]+)\\s*%\\s*");
    private static final Pattern FACTOR = Pattern.compile("\\s*([0-9]*\\.?[0-9]+)\\s*[xX]?\\s*");
    /** Iteration counts beyond nine digits are typos (and would overflow an int). */
    private static final int MAX_COUNT_DIGITS = 9;
    private static final Pattern ITERATIONS = Pattern.compile("\\s*(\\d+)\\s*[xX]\\s*(.+)");
    private static final Pattern DURATION = Pattern.compile("\\s*([0-9]*\\.?[0-9]+)\\s*(ns|us|ms|s|m|min|h)\\s*");

    private final List<BudgetFileException.Problem> problems = new ArrayList<>();

    /** Reads and validates a budget file. The file must be UTF-8. */
    public static BudgetFile parse(Path file) throws IOException, BudgetFileException {
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw BudgetFileException.single(SourceLocation.unknown(name),
                    "budget file not found; create it or point <budgetFile> (-Dbudget.budgetFile) at it");
        }
        return parse(name, bytes);
    }

    /** Validates the bytes of a budget file named {@code name} (for messages). The bytes must be UTF-8. */
    static BudgetFile parse(String name, byte[] bytes) throws IOException, BudgetFileException {
        return parse(name, new java.io.StringReader(Utf8Text.decode(name, bytes)));
    }

    public static BudgetFile parse(String name, Reader reader) throws IOException, BudgetFileException {
        YamlNode root = new YamlTreeReader(name).read(reader);
        return new BudgetFileParser().file(name, root);
    }

    private BudgetFile file(String name, YamlNode root) throws BudgetFileException {
        if (root instanceof YamlNode.Scalar scalar && scalar.text() == null) {
            problem(root.location(), "the budget file is empty; it needs at least 'version: 1' and 'budgets:'");
            throw new BudgetFileException(problems);
        }
        Map<String, YamlNode.Entry> top = mapping(root, "the budget file", TOP_KEYS);
        if (top == null) {
            throw new BudgetFileException(problems);
        }
        YamlNode.Entry version = top.get("version");
        if (version == null) {
            problem(root.location(), "missing 'version: 1' at the top of the file");
        } else if (!"1".equals(text(version.value(), "version"))) {
            problem(version.value().location(), "unsupported version '" + text(version.value(), "version")
                    + "'; this plugin reads version 1");
        }
        BudgetFile.Defaults defaults = defaults(top.get("defaults"));
        JmhOptions jmh = jmh(top.get("jmh"));
        List<Budget> budgets = budgets(top.get("budgets"), defaults, root.location());
        if (!problems.isEmpty()) {
            throw new BudgetFileException(problems);
        }
        return new BudgetFile(name, defaults, jmh, budgets);
    }

    private BudgetFile.Defaults defaults(YamlNode.Entry entry) {
        BudgetFile.Defaults standard = BudgetFile.Defaults.standard();
        if (entry == null) {
            return standard;
        }
        Map<String, YamlNode.Entry> map = mapping(entry.value(), "'defaults'", DEFAULTS_KEYS);
        if (map == null) {
            return standard;
        }
        double regression = Optional.ofNullable(map.get("regression"))
                .map(e -> defaultRegression(e.value())).orElse(standard.regression());
        Level level = Optional.ofNullable(map.get("level")).map(e -> level(e.value())).orElse(standard.level());
        return new BudgetFile.Defaults(Double.isNaN(regression) ? standard.regression() : regression, level);
    }

    private JmhOptions jmh(YamlNode.Entry entry) {
        if (entry == null) {
            return JmhOptions.NONE;
        }
        Map<String, YamlNode.Entry> map = mapping(entry.value(), "'jmh'", JMH_KEYS);
        if (map == null) {
            return JmhOptions.NONE;
        }
        Optional<Integer> forks = Optional.ofNullable(map.get("forks")).map(e -> positiveInt(e.value(), "forks", 1,
                "; 0 runs the benchmarks inside JMH's own JVM, where one benchmark's JIT profile and heap distort the next:"
                + " use 1 for a short run"));
        // A warmup of 0 iterations is a choice (a cold start, a SingleShot benchmark); measuring nothing is not.
        Optional<Iterations> warmup = Optional.ofNullable(map.get("warmup"))
                .map(e -> iterations(e.value(), "warmup", 0, ""));
        Optional<Iterations> measurement = Optional.ofNullable(map.get("measurement"))
                .map(e -> iterations(e.value(), "measurement", 1, "; 0 measurement iterations measure nothing: write e.g. '5 x 1s'"));
        Optional<List<String>> profilers = Optional.ofNullable(map.get("profilers")).map(e -> stringList(e.value(), "profilers"));
        Optional<List<String>> jvmArgs = Optional.ofNullable(map.get("jvm-args")).map(e -> stringList(e.value(), "jvm-args"));
        return new JmhOptions(forks, warmup.map(Iterations::count), warmup.map(Iterations::time),
                measurement.map(Iterations::count), measurement.map(Iterations::time), profilers, jvmArgs.orElse(List.of()));
    }

    /** "5 x 1s": iteration count and time per iteration. */
    private record Iterations(int count, java.time.Duration time) {
    }

    private List<Budget> budgets(YamlNode.Entry entry, BudgetFile.Defaults defaults, SourceLocation rootLocation) {
        if (entry == null) {
            problem(rootLocation, "missing 'budgets:' list (it may be empty: 'budgets: []')");
            return List.of();
        }
        if (!(entry.value() instanceof YamlNode.Sequence sequence)) {
            if (entry.value() instanceof YamlNode.Scalar s && s.text() == null) {
                return List.of();
            }
            problem(entry.value().location(), "'budgets' must be a list of budgets (each starting with '- id:'), found " + entry.value().kind());
            return List.of();
        }
        List<Budget> budgets = new ArrayList<>();
        Map<String, SourceLocation> ids = new HashMap<>();
        for (YamlNode item : sequence.items()) {
            Budget budget = budget(item, defaults);
            if (budget == null) {
                continue;
            }
            SourceLocation previous = ids.putIfAbsent(budget.id(), budget.location());
            if (previous != null) {
                problem(budget.location(), "duplicate budget id '" + budget.id() + "' (also at line " + previous.line() + ")");
            }
            budgets.add(budget);
        }
        return budgets;
    }

    private Budget budget(YamlNode node, BudgetFile.Defaults defaults) {
        Map<String, YamlNode.Entry> map = mapping(node, "a budget", BUDGET_KEYS);
        if (map == null) {
            return null;
        }
        int before = problems.size();
        String id = required(map, "id", node.location(), "every budget needs an 'id' (e.g. id: CKPT-001)");
        String where = id == null ? "budget" : "budget '" + id + "'";
        String pattern = required(map, "benchmark", node.location(),
                where + " needs a 'benchmark' (a benchmark name or glob such as '*.MyBenchmark.method')");
        Map<String, String> params = params(map.get("params"), where);
        if (map.containsKey("description")) {
            String description = text(map.get("description").value(), "description");
            if (description != null && description.isBlank()) {
                problem(map.get("description").value().location(), where + ": 'description' is empty; write one or leave the key out");
            }
        }
        List<Limit> limits = new ArrayList<>();
        List<String> limitKeys = new ArrayList<>();
        for (YamlNode.Entry e : map.values()) {
            Limit limit = limit(e, map, where);
            if (limit != null) {
                limits.add(limit);
                limitKeys.add(e.key());
            }
        }
        if (map.containsKey("by") && !map.containsKey("faster-than")) {
            problem(map.get("by").keyLocation(), where + ": 'by' needs 'faster-than: <peer benchmark>'");
        }
        if (map.containsKey("metric") && !map.containsKey("max") && !map.containsKey("min")) {
            problem(map.get("metric").keyLocation(), where + ": 'metric' needs a 'max' or 'min' limit");
        }
        if (limits.size() > 1) {
            problem(node.location(), where + " has several limits (" + String.join(", ", limitKeys)
                    + "); give each limit its own budget so each gets its own id and verdict");
        }
        OptionalDouble regression = OptionalDouble.empty();
        if (map.containsKey("regression")) {
            double r = regression(map.get("regression").value());
            if (!Double.isNaN(r)) {
                regression = OptionalDouble.of(r);
            }
        }
        if (limits.isEmpty() && regression.isEmpty() && problems.size() == before) {
            problem(node.location(), where + " sets no limit; add one of max, min, p50..p100, alloc, metric+max/min, "
                    + "faster-than+by, or regression");
        }
        Level level = map.containsKey("level") ? level(map.get("level").value()) : defaults.level();
        if (problems.size() > before || id == null || pattern == null || level == null) {
            return null;
        }
        BenchmarkPattern benchmark;
        try {
            benchmark = BenchmarkPattern.glob(pattern);
        } catch (IllegalArgumentException e) {
            problem(map.get("benchmark").value().location(), where + ": " + e.getMessage());
            return null;
        }
        return new Budget(id, benchmark, params, limits.stream().findFirst(), regression, level, node.location());
    }

    private Limit limit(YamlNode.Entry e, Map<String, YamlNode.Entry> budget, String where) {
        String key = e.key();
        YamlNode value = e.value();
        switch (key) {
            case "max":
            case "min": {
                Bound bound = key.equals("max") ? Bound.MAX : Bound.MIN;
                Quantity q = quantity(value, where + " '" + key + "'");
                if (q == null) {
                    return null;
                }
                if (budget.containsKey("metric")) {
                    String metric = text(budget.get("metric").value(), "metric");
                    return metric == null ? null : new Limit.SecondaryMetric(metric, bound, q);
                }
                io.sabot.budget.core.model.Dimension d = q.unit().dimension();
                if (d != io.sabot.budget.core.model.Dimension.TIME_PER_OP && d != io.sabot.budget.core.model.Dimension.OPS_PER_TIME) {
                    problem(value.location(), where + ": '" + key + "' on the score needs a time per operation (10us)"
                            + " or a throughput (100K ops/s), not '" + q.unit() + "'; " + MetricUnit.ACCEPTED);
                    return null;
                }
                return new Limit.Score(bound, q);
            }
            case "alloc": {
                Quantity q = quantity(value, where + " 'alloc'");
                if (q == null) {
                    return null;
                }
                if (q.unit().dimension() != io.sabot.budget.core.model.Dimension.BYTES_PER_OP) {
                    problem(value.location(), where + ": 'alloc' is bytes per operation (e.g. '0 B/op', '64 B/op'), not " + q.unit());
                    return null;
                }
                return new Limit.SecondaryMetric(ALLOC_METRIC, Bound.MAX, q);
            }
            case "faster-than": {
                String peer = text(value, "faster-than");
                YamlNode.Entry by = budget.get("by");
                if (by == null) {
                    problem(e.keyLocation(), where + ": 'faster-than' needs 'by: <factor>' (e.g. by: 5x)");
                    return null;
                }
                double factor = factor(by.value(), where);
                if (peer != null && peer.isBlank()) {
                    problem(value.location(), where + ": 'faster-than' must name the peer benchmark, e.g. '*.MyBenchmark.baseline'");
                    return null;
                }
                if (peer == null || Double.isNaN(factor)) {
                    return null;
                }
                return new Limit.Ratio(BenchmarkPattern.glob(peer), factor);
            }
            default: {
                Matcher m = PERCENTILE_KEY.matcher(key);
                if (m.matches()) {
                    double p = Double.parseDouble(m.group(1));
                    if (p <= 0 || p > 100) {
                        problem(e.keyLocation(), where + ": percentile '" + key + "' must lie above p0 and at most p100"
                                + " (p50, p90, p95, p99, p99.9, p99.99, p100)");
                        return null;
                    }
                    Quantity q = quantity(value, where + " '" + key + "'");
                    if (q == null) {
                        return null;
                    }
                    if (q.unit().dimension() != io.sabot.budget.core.model.Dimension.TIME_PER_OP) {
                        problem(value.location(), where + ": percentile '" + key + "' is a time (e.g. 200ms), not " + q.unit());
                        return null;
                    }
                    return new Limit.Percentile(p, q);
                }
                return null;
            }
        }
    }

    private Map<String, String> params(YamlNode.Entry entry, String where) {
        if (entry == null) {
            return Map.of();
        }
        if (!(entry.value() instanceof YamlNode.Mapping mapping)) {
            problem(entry.value().location(), where + ": 'params' must be a mapping of @Param name to value, e.g. { size: 1024 }");
            return Map.of();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (YamlNode.Entry p : mapping.entries().values()) {
            String value = text(p.value(), "params." + p.key());
            if (value != null) {
                params.put(p.key(), value);
            }
        }
        return params;
    }

    // ---- scalar helpers; each records a problem and returns null/NaN on bad input ----

    private Map<String, YamlNode.Entry> mapping(YamlNode node, String what, Set<String> allowed) {
        if (!(node instanceof YamlNode.Mapping mapping)) {
            problem(node.location(), what + " must be a mapping (key: value lines), found " + node.kind());
            return null;
        }
        for (YamlNode.Entry e : mapping.entries().values()) {
            boolean known = allowed.contains(e.key()) || (allowed == BUDGET_KEYS && PERCENTILE_KEY.matcher(e.key()).matches());
            if (e.key().equals("<<")) {
                problem(e.keyLocation(), "merge keys ('<<: *anchor') are not supported in " + what + "; write the keys out");
            } else if (!known) {
                problem(e.keyLocation(), "unknown key '" + e.key() + "' in " + what + DidYouMean.hint(e.key(), new java.util.TreeSet<>(allowed)));
            }
        }
        return mapping.asMap();
    }

    private String required(Map<String, YamlNode.Entry> map, String key, SourceLocation where, String message) {
        YamlNode.Entry e = map.get(key);
        if (e == null) {
            problem(where, message);
            return null;
        }
        String value = text(e.value(), key);
        if (value != null && value.isBlank()) {
            problem(e.value().location(), "'" + key + "' must not be empty");
            return null;
        }
        return value;
    }

    private String text(YamlNode node, String key) {
        if (node instanceof YamlNode.Scalar scalar && scalar.text() != null) {
            return scalar.text();
        }
        problem(node.location(), "'" + key + "' must be a single value, found " + node.kind());
        return null;
    }

    private Quantity quantity(YamlNode node, String what) {
        String text = text(node, what);
        if (text == null) {
            return null;
        }
        try {
            Quantity q = Quantity.parse(text);
            if (!Double.isFinite(q.value())) {
                problem(node.location(), what + ": '" + abbreviate(text) + "' is too large to be a limit");
                return null;
            }
            if (q.value() < 0 || text.strip().startsWith("-")) {
                problem(node.location(), what + ": '" + abbreviate(text) + "' is negative");
                return null;
            }
            return q;
        } catch (IllegalArgumentException e) {
            problem(node.location(), what + ": " + e.getMessage());
            return null;
        }
    }

    /** The defaults' {@code regression}: a percentage; {@code off} belongs on the budgets of reference benchmarks. */
    private double defaultRegression(YamlNode node) {
        if (isOff(node)) {
            problem(node.location(), "'regression: off' in 'defaults' would judge no benchmark against its baseline; "
                    + "set it on a budget that names the reference benchmarks (e.g. benchmark: \"*.hashMapGet\", "
                    + "regression: off), or run without a baseline to judge limits only");
            return Double.NaN;
        }
        return percent(node, "regression");
    }

    /** A budget's {@code regression}: a percentage, or {@code off} for reference benchmarks. */
    private double regression(YamlNode node) {
        if (isOff(node)) {
            return Budget.REGRESSION_OFF;
        }
        if (node instanceof YamlNode.Scalar scalar && scalar.text() != null) {
            String text = scalar.text().strip();
            if (!PERCENT.matcher(text).matches()) {
                problem(node.location(), "'regression' must be a percentage such as 10%, or off for reference benchmarks "
                        + "(peers whose code never changes), not '" + abbreviate(text) + "'");
                return Double.NaN;
            }
        }
        return percent(node, "regression");
    }

    private static boolean isOff(YamlNode node) {
        return node instanceof YamlNode.Scalar scalar && scalar.text() != null && scalar.text().strip().equals("off");
    }

    private double percent(YamlNode node, String what) {
        String text = text(node, what);
        if (text == null) {
            return Double.NaN;
        }
        Matcher m = PERCENT.matcher(text);
        if (!m.matches()) {
            problem(node.location(), "'" + what + "' must be a percentage such as 10%, not '" + abbreviate(text) + "'");
            return Double.NaN;
        }
        double value = Double.parseDouble(m.group(1)) / 100;
        if (value <= 0 || value > 10) {
            problem(node.location(), "'" + what + "' must be between 0% and 1000%, not '" + abbreviate(text) + "'");
            return Double.NaN;
        }
        return value;
    }

    private double factor(YamlNode node, String where) {
        String text = text(node, "by");
        if (text == null) {
            return Double.NaN;
        }
        Matcher m = FACTOR.matcher(text);
        if (!m.matches() || Double.parseDouble(m.group(1)) <= 0 || !Double.isFinite(Double.parseDouble(m.group(1)))) {
            problem(node.location(), where + ": 'by' must be a positive factor such as 5x or 0.5x, not '" + abbreviate(text) + "'");
            return Double.NaN;
        }
        return Double.parseDouble(m.group(1));
    }

    private Level level(YamlNode node) {
        String text = text(node, "level");
        if (text == null) {
            return null;
        }
        try {
            return Level.parse(text);
        } catch (IllegalArgumentException e) {
            problem(node.location(), e.getMessage());
            return null;
        }
    }

    /** @param hint appended to the message when the number is below {@code min} */
    private Integer positiveInt(YamlNode node, String what, int min, String hint) {
        String text = text(node, what);
        try {
            int value = Integer.parseInt(text == null ? "" : text.trim());
            if (value >= min) {
                return value;
            }
            problem(node.location(), "'" + what + "' must be a whole number >= " + min + ", not '" + abbreviate(text) + "'" + hint);
            return null;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        if (text != null) {
            problem(node.location(), "'" + what + "' must be a whole number >= " + min + ", not '" + abbreviate(text) + "'");
        }
        return null;
    }

    /**
     * "5 x 1s": at least {@code minCount} iterations of a positive time each.
     *
     * @param hint appended to the message when the count is below {@code minCount}
     */
    private Iterations iterations(YamlNode node, String what, int minCount, String hint) {
        String text = text(node, what);
        if (text == null) {
            return null;
        }
        Matcher m = ITERATIONS.matcher(text);
        if (m.matches()) {
            java.time.Duration time = duration(m.group(2));
            if (time != null && m.group(1).length() <= MAX_COUNT_DIGITS) {
                int count = Integer.parseInt(m.group(1));
                if (count < minCount) {
                    problem(node.location(), "'" + what + "' must have at least " + minCount + " iteration"
                            + (minCount == 1 ? "" : "s") + ", not '" + abbreviate(text) + "'" + hint);
                    return null;
                }
                if (time.isZero()) {
                    problem(node.location(), "'" + what + "' must give each iteration a positive time, not '"
                            + abbreviate(text) + "'; write e.g. '" + count + " x 1s'");
                    return null;
                }
                return new Iterations(count, time);
            }
        }
        problem(node.location(), "'" + what + "' must look like '5 x 1s' (iterations x time per iteration), not '" + abbreviate(text) + "'");
        return null;
    }

    private List<String> stringList(YamlNode node, String what) {
        if (!(node instanceof YamlNode.Sequence sequence)) {
            problem(node.location(), "'" + what + "' must be a list, e.g. [gc]");
            return null;
        }
        List<String> values = new ArrayList<>();
        for (YamlNode item : sequence.items()) {
            String text = text(item, what);
            if (text != null && text.isBlank()) {
                problem(item.location(), "'" + what + "' entries must not be empty");
            } else if (text != null) {
                values.add(text);
            }
        }
        return values;
    }

    /** Parses "1s", "500ms", "100 us", "2m" or "2min", "1h". */
    public static java.time.Duration duration(String text) {
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            return null;
        }
        double value = Double.parseDouble(m.group(1));
        double nanos = switch (m.group(2)) {
            case "ns" -> value;
            case "us" -> value * 1e3;
            case "ms" -> value * 1e6;
            case "s" -> value * 1e9;
            case "h" -> value * 3600e9;
            default -> value * 60e9;
        };
        return java.time.Duration.ofNanos(Math.round(nanos));
    }

    private void problem(SourceLocation where, String message) {
        problems.add(new BudgetFileException.Problem(where, message));
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
