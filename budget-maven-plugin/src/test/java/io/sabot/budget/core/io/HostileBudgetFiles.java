package io.sabot.budget.core.io;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates budget files shaped like real ones with a dose of hostile details: wrong-typed values,
 * huge numbers and strings, negative and non-finite quantities, unknown and duplicate keys, anchors
 * and aliases (including alias bombs and merge keys), YAML tags, deep nesting. The dose varies per
 * document, from none (a valid file that must parse) to many.
 */
final class HostileBudgetFiles {

    static final String[] TIMES = {"10us", "10 us/op", "1.5ms", "1e3 ns", "10 s", "200ms", "0.5 us", "10µs", "1 min"};
    static final String[] THROUGHPUTS = {"100K ops/s", "5M ops/s", "1 ops/ms", "2.5 Gops/s", "10 ops/us"};
    static final String[] BYTES = {"0 B/op", "2 KB/op", "64 B/op", "1 GB/op"};
    static final String[] RATES = {"300 MB/sec", "10 B/sec", "7 widgets/op", "1 KB/sec"};
    static final String[] BAD_QUANTITIES = {"-5us", "-0us", "1e400us", "1e-400us", "1e308 ops/s", "99999999999999999999999999ms",
            "NaN us", ".nan", ".inf", "-.inf", "10", "us", "10 parsecs", "0x10us", "+3us", "10 us/op/op", "10 ops",
            "1e400 B/op", "1e400 MB/sec", "10 m", "10 u"};
    static final String[] PERCENTS = {"10%", "7.5%", "5%", ".5%", "10 %", "1000%", "0.0000001%"};
    static final String[] BAD_PERCENTS = {"0%", "-5%", "1001%", "1e3%", "ten", "%", "10", "99999999999999999999%"};
    static final String[] FACTORS = {"5x", "0.5x", "5", "5X", "5 x", "1.25x"};
    static final String[] BAD_FACTORS = {"0x", "-1x", "1e400x", "x", "1e-400x", "99999999999999999999999999999999999999999999x"};
    static final String[] LEVELS = {"error", "warn", "warning", "WARN", "Error"};
    static final String[] BAD_LEVELS = {"fatal", "", "true", "[warn]"};
    static final String[] ITERATIONS = {"3 x 1s", "5 x 500ms", "0 x 1s", "3x1s", "1 x 2min", "10 x 100 us"};
    static final String[] BAD_ITERATIONS = {"99999999999 x 1s", "3 x", "x 1s", "3 x 1e400s", "3 x -1s",
            "3 x 99999999999999999999h", "2147483648 x 1s", "3 x 0.0000000001ns"};
    static final String[] INTS = {"2", "0", "1", "10"};
    static final String[] BAD_INTS = {"-1", "2147483648", "1.5", "two", "0x10", "1_000", "99999999999999999999"};
    static final String[] LISTS = {"[gc]", "[gc, stack]", "[]", "[-Xmx1g]", "[-Xms1g, -Xmx1g]"};
    static final String[] BAD_LISTS = {"gc", "[[gc]]", "[{a: 1}]", "[\"-Xmx1g -Xms1g\"]", "[~]", "[\"\"]", "[\" \"]"};
    static final String[] NAMES = {"io.x.Bench.a", "*.Bench.*", "*", "?", "Bench.a", "\"*.Bench.b\"", "Bénch.ä",
            "io.sabot.engine.benchmarks.CheckpointBenchmark.triggerBarrier"};
    static final String[] BAD_NAMES = {"\"\"", "\"   \"", "[", "\"**************************a\"",
            "\"*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b\"", "io.x.Bench.a(", "\\Q", "\\E", ".*",
            "regex:.*", "\"tab\\there\"", "\"nul\\0byte\"", "1", "true", "~", "[a]"};
    static final String[] PARAMS = {"{ size: 1024 }", "{}", "{ size: 1, kind: a }", "{ size: '' }"};
    static final String[] BAD_PARAMS = {"[1]", "x", "{ size: [1] }", "{ size: ~ }", "{ size: {a: b} }", "{ size: 1, size: 2 }",
            "{ 1: 2 }"};
    static final String[] VERSIONS = {"1", "'1'", "\"1\""};
    static final String[] BAD_VERSIONS = {"2", "1.0", "[1]", "{a: 1}", "", "~", "01", "+1", "0x1", "!!int 1"};
    static final String[] STRANGE_KEYS = {"p0", "p999", "p100.5", "p5", "maxx", "Max", "<<", "p-1", "p", "\"\"",
            "? [a, b]", "p50.", "p1e2", "p00099"};
    static final String[] LIMIT_KINDS = {"max", "min", "p50", "p90", "p95", "p99", "p99.9", "p99.99", "p100", "alloc",
            "metric", "faster-than", "regression"};

    private final SplittableRandom random;
    private final double hostility;
    private final StringBuilder y = new StringBuilder();
    private final List<String> anchors = new ArrayList<>();
    private int ids;

    HostileBudgetFiles(SplittableRandom random) {
        this.random = random;
        double[] doses = {0, 0, 0.02, 0.05, 0.15, 0.4};
        this.hostility = doses[random.nextInt(doses.length)];
    }

    String document() {
        if (!hostile() || chance(0.7)) {
            line(0, "version", value(VERSIONS, BAD_VERSIONS));
        }
        if (chance(0.5)) {
            block(0, "defaults");
            optional(2, "regression", PERCENTS, BAD_PERCENTS);
            optional(2, "level", LEVELS, BAD_LEVELS);
        }
        if (chance(0.5)) {
            block(0, "jmh");
            optional(2, "forks", INTS, BAD_INTS);
            optional(2, "warmup", ITERATIONS, BAD_ITERATIONS);
            optional(2, "measurement", ITERATIONS, BAD_ITERATIONS);
            optional(2, "profilers", LISTS, BAD_LISTS);
            optional(2, "jvm-args", LISTS, BAD_LISTS);
        }
        if (hostile()) {
            line(0, pick(new String[] {"budget", "Budgets", "jhm", "x", "version"}), "1");
        }
        if (hostile()) {
            line(0, "budgets", hostileValue());
        } else if (!hostile()) {
            block(0, "budgets");
            int count = random.nextInt(6);
            for (int i = 0; i < count; i++) {
                budget();
            }
        }
        if (hostile()) {
            y.append("---\nversion: 1\n");
        }
        if (hostile()) {
            aliasBomb();
        }
        return y.toString();
    }

    private void budget() {
        List<String[]> entries = new ArrayList<>();
        if (!hostile()) {
            entries.add(new String[] {"id", hostile() ? pick(BAD_NAMES) : "B" + ids++});
        }
        if (!hostile()) {
            entries.add(new String[] {"benchmark", value(NAMES, BAD_NAMES)});
        }
        String kind = pick(LIMIT_KINDS);
        switch (kind) {
            case "max", "min" -> entries.add(new String[] {kind, value(chance(0.5) ? TIMES : THROUGHPUTS, BAD_QUANTITIES)});
            case "alloc" -> entries.add(new String[] {kind, value(BYTES, BAD_QUANTITIES)});
            case "metric" -> {
                entries.add(new String[] {"metric", value(new String[] {"gc.alloc.rate", "gc.count", "·gc.time"}, BAD_NAMES)});
                entries.add(new String[] {chance(0.5) ? "max" : "min", value(RATES, BAD_QUANTITIES)});
            }
            case "faster-than" -> {
                entries.add(new String[] {"faster-than", value(NAMES, BAD_NAMES)});
                entries.add(new String[] {"by", value(FACTORS, BAD_FACTORS)});
            }
            case "regression" -> entries.add(new String[] {"regression", value(PERCENTS, BAD_PERCENTS)});
            default -> entries.add(new String[] {kind, value(TIMES, BAD_QUANTITIES)});
        }
        if (chance(0.3) && !kind.equals("regression")) {
            entries.add(new String[] {"regression", value(PERCENTS, BAD_PERCENTS)});
        }
        if (chance(0.3)) {
            entries.add(new String[] {"level", value(LEVELS, BAD_LEVELS)});
        }
        if (chance(0.3)) {
            entries.add(new String[] {"params", value(PARAMS, BAD_PARAMS)});
        }
        if (chance(0.2)) {
            entries.add(new String[] {"description", value(new String[] {"why", "\"a: b\"", "ünïcode"}, BAD_NAMES)});
        }
        if (hostile()) {
            entries.add(new String[] {pick(STRANGE_KEYS), value(TIMES, BAD_QUANTITIES)});
        }
        if (hostile()) {
            entries.add(new String[] {pick(LIMIT_KINDS), value(TIMES, BAD_QUANTITIES)}); // a second limit
        }
        if (hostile() && !entries.isEmpty()) {
            entries.add(entries.get(random.nextInt(entries.size()))); // duplicate key
        }
        if (entries.isEmpty()) {
            y.append("  - ").append(hostileValue()).append('\n');
            return;
        }
        boolean first = true;
        for (String[] e : entries) {
            y.append(first ? "  - " : "    ").append(e[0]).append(": ").append(e[1]).append('\n');
            first = false;
        }
    }

    private void optional(int indent, String key, String[] valid, String[] bad) {
        if (chance(0.7)) {
            line(indent, key, value(valid, bad));
        }
    }

    /** A valid value, or (as often as this document is hostile) a bad one, an anchor or an alias. */
    private String value(String[] valid, String[] bad) {
        String v = hostile() ? (chance(0.5) ? pick(bad) : hostileValue()) : pick(valid);
        if (hostile() && !anchors.isEmpty()) {
            return "*" + pick(anchors.toArray(new String[0]));
        }
        if (chance(0.05)) {
            String name = "a" + anchors.size();
            anchors.add(name);
            return "&" + name + " " + v;
        }
        return v;
    }

    private String hostileValue() {
        return switch (random.nextInt(12)) {
            case 0 -> "[a, b]";
            case 1 -> "{a: 1}";
            case 2 -> "";
            case 3 -> "~";
            case 4 -> "\"" + "x".repeat(1 + random.nextInt(chance(0.05) ? 200_000 : 2_000)) + "\"";
            case 5 -> "9".repeat(1 + random.nextInt(chance(0.05) ? 5_000 : 400)) + pick(new String[] {"us", "%", "x", " x 1s", ""});
            case 6 -> {
                int depth = 1 + random.nextInt(150);
                yield "[".repeat(depth) + "]".repeat(depth);
            }
            case 7 -> pick(new String[] {"!!binary aGVsbG8=", "!!str 10us", "!!int 3", "!custom x", "!!float .nan",
                    "!!map {}", "!!seq []", "!!timestamp 2001-12-14", "!!null ''"});
            case 8 -> pick(new String[] {"true", "false", "yes", "no", "on", "0", "-0", ".5", "1e3", "0o17", "0b101"});
            case 9 -> "|\n      10us\n      more";
            case 10 -> anchors.isEmpty() ? "*undefined" : "*" + pick(anchors.toArray(new String[0]));
            default -> "{ " + "a: {".repeat(1 + random.nextInt(100)) + "}" + " }";
        };
    }

    private void aliasBomb() {
        int width = 2 + random.nextInt(9);
        int depth = 2 + random.nextInt(12);
        y.append("bomb0: &b0 [").append("x, ".repeat(width - 1)).append("x]\n");
        for (int d = 1; d < depth; d++) {
            y.append("bomb").append(d).append(": &b").append(d).append(" [");
            for (int i = 0; i < width; i++) {
                y.append(i == 0 ? "" : ", ").append("*b").append(d - 1);
            }
            y.append("]\n");
        }
    }

    private void block(int indent, String key) {
        y.append(" ".repeat(indent)).append(key).append(":\n");
    }

    private void line(int indent, String key, String value) {
        y.append(" ".repeat(indent)).append(key).append(": ").append(value).append('\n');
    }

    private boolean hostile() {
        return random.nextDouble() < hostility;
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private String pick(String[] pool) {
        return pool[random.nextInt(pool.length)];
    }
}
