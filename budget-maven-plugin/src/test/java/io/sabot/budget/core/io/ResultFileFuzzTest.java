package io.sabot.budget.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes {@link ResultFiles} and {@link JmhResultParser}: every input must end in a
 * {@link ResultFileException} naming the file, or in results the checks can use
 * ({@link ResultFileOracle}). Seeds are JMH JSON of every mode and a baseline file, plus the
 * repository's committed results. Case counts: see {@link FuzzCampaign}.
 */
@Timeout(value = 30, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ResultFileFuzzTest {

    static final String AVERAGE_TIME = """
            [ {
              "jmhVersion" : "1.37", "benchmark" : "io.x.StateBenchmark.get", "mode" : "avgt", "threads" : 1, "forks" : 2,
              "jvm" : "/usr/bin/java", "jvmArgs" : [ "-Xmx1g" ], "jdkVersion" : "17.0.15", "vmName" : "OpenJDK 64-Bit Server VM",
              "vmVersion" : "17.0.15+6", "warmupIterations" : 2, "measurementIterations" : 3,
              "params" : { "size" : "1024", "kind" : "hash" },
              "primaryMetric" : {
                "score" : 12.5, "scoreError" : 1.25, "scoreConfidence" : [ 11.25, 13.75 ],
                "scorePercentiles" : { "0.0" : 11.0, "50.0" : 12.5, "90.0" : 13.9, "100.0" : 14.0 },
                "scoreUnit" : "us/op", "rawData" : [ [ 11.0, 12.0, 13.0 ], [ 12.0, 13.0, 14.0 ] ]
              },
              "secondaryMetrics" : {
                "·gc.alloc.rate.norm" : {
                  "score" : 64.0, "scoreError" : "NaN", "scoreConfidence" : [ "NaN", "NaN" ],
                  "scorePercentiles" : { "0.0" : 64.0, "100.0" : 64.0 }, "scoreUnit" : "B/op",
                  "rawData" : [ [ 64.0, 64.0, 64.0 ], [ 64.0, 64.0, 64.0 ] ]
                },
                "·gc.count" : { "score" : 0.0, "scoreError" : "NaN", "scoreConfidence" : [ "NaN", "NaN" ],
                  "scorePercentiles" : { }, "scoreUnit" : "counts", "rawData" : [ [ 0.0, 0.0, 0.0 ], [ 0.0, 0.0, 0.0 ] ] }
              }
            } ]
            """;

    static final String SAMPLE_TIME = """
            [ {
              "jmhVersion" : "1.37", "benchmark" : "io.x.PipelineBenchmark.latency", "mode" : "sample", "threads" : 1, "forks" : 2,
              "jdkVersion" : "17.0.15", "vmName" : "OpenJDK 64-Bit Server VM", "vmVersion" : "17.0.15+6",
              "primaryMetric" : {
                "score" : 2.1, "scoreError" : 0.3, "scoreConfidence" : [ 1.8, 2.4 ],
                "scorePercentiles" : { "0.0" : 1.0, "50.0" : 2.0, "90.0" : 3.0, "99.0" : 5.0, "99.9" : 7.0, "99.99" : 7.0, "100.0" : 7.0 },
                "scoreUnit" : "ms/op", "rawData" : [ [ 2.0, 2.2 ], [ 2.1, 2.1 ] ],
                "rawDataHistogram" : [ [ [ [ 1.0, 10 ], [ 2.0, 30 ], [ 5.0, 2 ] ], [ [ 2.0, 40 ], [ 7.0, 1 ] ] ],
                                       [ [ [ 1.5, 20 ], [ 3.0, 20 ] ], [ [ 2.0, 35 ], [ 4.0, 5 ] ] ] ]
              },
              "secondaryMetrics" : { }
            } ]
            """;

    static final String THROUGHPUT_BASELINE = """
            {
              "format" : "budget-baseline", "version" : 1, "recordedAt" : "2026-11-25T00:44:00.037Z", "reason" : "first",
              "environment" : { "jdkVendor" : "Debian", "jdkVersion" : "17.0.15", "vmName" : "OpenJDK 64-Bit Server VM",
                "os" : "Linux", "arch" : "amd64", "cpuModel" : "AMD EPYC", "cores" : 2, "jmhVersion" : "1.37", "jvmArgs" : [ "-Xmx1g" ] },
              "results" : [ {
                "jmhVersion" : "1.37", "benchmark" : "io.x.ArrowBenchmark.filter", "mode" : "thrpt", "threads" : 1, "forks" : 1,
                "jdkVersion" : "17.0.15", "vmName" : "OpenJDK 64-Bit Server VM", "vmVersion" : "17.0.15+6",
                "primaryMetric" : { "score" : 3.9E8, "scoreError" : "NaN", "scoreConfidence" : [ "NaN", "NaN" ],
                  "scorePercentiles" : { "0.0" : 3.9E8, "100.0" : 3.9E8 }, "scoreUnit" : "ops/s", "rawData" : [ [ 3.9E8 ] ] },
                "secondaryMetrics" : { "·gc.alloc.rate" : { "score" : 0.01, "scoreError" : "NaN",
                  "scoreConfidence" : [ "NaN", "NaN" ], "scorePercentiles" : { }, "scoreUnit" : "MB/sec", "rawData" : [ [ 0.01 ] ] } }
              } ]
            }
            """;

    static final String[] JSON_TOKENS = {"NaN", "\"NaN\"", "Infinity", "\"Infinity\"", "\"-Infinity\"", "-1", "-", "1e400",
            "-1e400", "null", "[", "]", "{", "}", ",", "\"", ":", "true", "\"x\"", "[[", "]]", "0", "\\u0000", "\\", "9".repeat(30),
            "\"score\" : 1,", "\"rawData\" : [ ],", "\u00b7", "\r\n", "//", "/*", "'"};

    static List<byte[]> seeds;
    static List<String> seedNames;

    @BeforeAll
    static void loadSeeds() throws Exception {
        seeds = new ArrayList<>();
        seedNames = new ArrayList<>();
        add("avgt", AVERAGE_TIME.getBytes(StandardCharsets.UTF_8));
        add("sample", SAMPLE_TIME.getBytes(StandardCharsets.UTF_8));
        add("thrpt baseline", THROUGHPUT_BASELINE.getBytes(StandardCharsets.UTF_8));
        add("compare-outside-project/before.json", Files.readAllBytes(Path.of("../src/it/compare-outside-project/files/before.json")));
        for (byte[] seed : seeds) {
            assertThat(ResultFileOracle.judge(seed)).as("seeds are valid").isEqualTo(FuzzCampaign.Outcome.ACCEPTED);
        }
    }

    private static void add(String name, byte[] content) {
        seedNames.add(name);
        seeds.add(content);
    }

    @Test
    void mutatedFilesFailCleanlyOrReadSoundly() {
        ByteMutator mutator = new ByteMutator(JSON_TOKENS);
        new FuzzCampaign("result file: byte mutations").run(FuzzCampaign.configuredCases(), (random, i) -> {
            int seed = random.nextInt(seeds.size());
            StringBuilder log = new StringBuilder(seedNames.get(seed) + ": ");
            byte[] input = mutator.mutate(seeds.get(seed), random, log);
            return new FuzzCampaign.Case(log.toString().trim(), input);
        }, ResultFileOracle::judge).assertNoFailures();
    }

    @Test
    void truncatedAtEveryPositionFailsCleanly() {
        boolean all = FuzzCampaign.configuredCases() >= 10_000;
        List<FuzzCampaign.Case> cases = new ArrayList<>();
        for (int i = 0; i < (all ? seeds.size() : 1); i++) {
            cases.addAll(ByteMutator.truncations(seedNames.get(i), seeds.get(i)));
        }
        new FuzzCampaign("result file: truncations").runAll(cases, input -> {
            // A JSON document cut short is never complete: it must be rejected, not read as fewer results.
            FuzzCampaign.Outcome outcome = ResultFileOracle.judge(input);
            assertThat(outcome).as("a truncated file was accepted").isEqualTo(FuzzCampaign.Outcome.REJECTED);
            return outcome;
        }).assertNoFailures();
    }

    @Test
    void structurallyMutatedFilesFailCleanlyOrReadSoundly() {
        new FuzzCampaign("result file: wrong types, special numbers, missing and duplicate fields")
                .run(FuzzCampaign.configuredCases(), (random, i) -> {
                    int seed = random.nextInt(seeds.size());
                    return new HostileResultFiles(random).mutate(seedNames.get(seed), seeds.get(seed));
                }, ResultFileOracle::judge).assertNoFailures();
    }

    @Test
    void committedBaselineSurvivesMutation() throws IOException {
        byte[] baseline = Files.readAllBytes(Path.of("../sabot-engine-benchmarks/src/perf/baseline-quick.json"));
        ByteMutator mutator = new ByteMutator(JSON_TOKENS);
        int cases = Math.max(20, FuzzCampaign.configuredCases() / 20);
        new FuzzCampaign("result file: committed baseline, byte and structural mutations").run(cases, (random, i) -> {
            if (random.nextBoolean()) {
                StringBuilder log = new StringBuilder("baseline-quick.json: ");
                byte[] input = mutator.mutate(baseline, random, log);
                return new FuzzCampaign.Case(log.toString().trim(), input);
            }
            return new HostileResultFiles(random).mutate("baseline-quick.json", baseline);
        }, ResultFileOracle::judge).assertNoFailures();
    }

    /** Structural mutations on the JSON tree: wrong types, special numbers, removed, renamed and duplicated fields. */
    static final class HostileResultFiles {

        private static final String RAW = "@@raw:";
        private final SplittableRandom random;

        HostileResultFiles(SplittableRandom random) {
            this.random = random;
        }

        FuzzCampaign.Case mutate(String seedName, byte[] seed) {
            JsonNode root;
            try {
                root = JsonTrees.read(seed);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            StringBuilder log = new StringBuilder(seedName + ":");
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                List<JsonNode> containers = new ArrayList<>();
                collect(root, containers);
                JsonNode target = containers.get(random.nextInt(containers.size()));
                mutateOne(target, log);
            }
            String text = JsonTrees.pretty(root);
            // Raw tokens (numbers Jackson would not write, duplicate keys) are spliced in as text.
            text = text.replaceAll("\"" + RAW + "dup:([^\"]*)\"", "\"$1\"")
                    .replaceAll("\"" + RAW + "([^\"]*)\"", "$1");
            return FuzzCampaign.Case.of(log.toString(), text);
        }

        private void collect(JsonNode node, List<JsonNode> out) {
            if (node.isContainerNode()) {
                out.add(node);
                node.forEach(child -> collect(child, out));
            }
        }

        private void mutateOne(JsonNode target, StringBuilder log) {
            if (target instanceof ObjectNode object) {
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                if (names.isEmpty()) {
                    object.set("x", hostile(log));
                    return;
                }
                String name = names.get(random.nextInt(names.size()));
                switch (random.nextInt(4)) {
                    case 0 -> {
                        object.remove(name);
                        log.append(" remove ").append(name);
                    }
                    case 1 -> {
                        JsonNode value = object.remove(name);
                        object.set(name.substring(0, name.length() / 2), value);
                        log.append(" rename ").append(name);
                    }
                    case 2 -> {
                        object.set(RAW + "dup:" + name, hostile(log));
                        log.append(" duplicate ").append(name);
                    }
                    default -> {
                        object.set(name, hostile(log));
                        log.append(" replace ").append(name);
                    }
                }
            } else if (target instanceof ArrayNode array) {
                if (array.isEmpty() || random.nextInt(4) == 0) {
                    array.add(hostile(log));
                    log.append(" append");
                } else if (random.nextBoolean()) {
                    array.remove(random.nextInt(array.size()));
                    log.append(" remove element");
                } else {
                    array.set(random.nextInt(array.size()), hostile(log));
                    log.append(" replace element");
                }
            }
        }

        private JsonNode hostile(StringBuilder log) {
            JsonNodeFactory f = JsonNodeFactory.instance;
            return switch (random.nextInt(22)) {
                case 0 -> f.textNode("NaN");
                case 1 -> f.textNode("Infinity");
                case 2 -> f.textNode("-Infinity");
                case 3 -> f.textNode(RAW + "NaN");
                case 4 -> f.textNode(RAW + "1e400");
                case 5 -> f.textNode(RAW + "-1e400");
                case 6 -> f.textNode(RAW + "9".repeat(1 + random.nextInt(1200)));
                case 7 -> f.numberNode(-1.0);
                case 8 -> f.numberNode(-0.0);
                case 9 -> f.numberNode(0);
                case 10 -> f.numberNode(Double.MAX_VALUE);
                case 11 -> f.numberNode(4.9e-324);
                case 12 -> f.textNode("");
                case 13 -> f.textNode("x".repeat(random.nextInt(100) == 0 ? 100_000 : 10));
                case 14 -> f.booleanNode(true);
                case 15 -> f.nullNode();
                case 16 -> f.arrayNode();
                case 17 -> f.objectNode();
                case 18 -> f.arrayNode().add(f.arrayNode());
                case 19 -> {
                    ArrayNode deep = f.arrayNode();
                    ArrayNode inner = deep;
                    for (int d = random.nextInt(100); d > 0; d--) {
                        inner = inner.addArray();
                    }
                    yield deep;
                }
                case 20 -> f.arrayNode().add(f.arrayNode().add(f.arrayNode().add(1.0).add(-5)));
                default -> f.textNode(RAW + "12." + "3".repeat(random.nextInt(2000)));
            };
        }
    }
}
