package io.sabot.budget.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes {@link BudgetFileParser}: every input must end in a {@link BudgetFileException} naming
 * file, line and column, or in a sound budget file ({@link BudgetFileOracle}). Seeds are the real
 * budget files of the repository (README example, the engine's file, the integration projects).
 * Case counts: see {@link FuzzCampaign}; {@code ./mvnw -B -o verify -pl budget-maven-plugin -Pfuzz -Dinvoker.skip}.
 */
@Timeout(value = 30, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BudgetFileFuzzTest {

    static final String EVERY_KIND = """
            version: 1
            defaults:
              regression: 7.5%
              level: warn
            jmh:
              forks: 2
              warmup: 3 x 1s
              measurement: 5 x 500ms
              profilers: [gc]
              jvm-args: [-Xmx1g]
            budgets:
              - id: A
                benchmark: io.x.Bench.a
                max: 10us
              - id: B
                benchmark: "*.Bench.b"
                params: { size: 1024 }
                min: 100K ops/s
                level: error
              - id: C
                benchmark: "*.Bench.c"
                p99.9: 200ms
              - id: D
                benchmark: "*.Bench.a"
                alloc: 0 B/op
              - id: E
                benchmark: "*.Bench.a"
                metric: gc.alloc.rate
                max: 100 MB/sec
              - id: F
                benchmark: "*.Bench.arrow"
                faster-than: "*.Bench.json"
                by: 5x
              - id: G
                benchmark: "*.Bench.*"
                regression: 5%
            """;

    static final String[] YAML_TOKENS = {": ", "- ", "\n", "  ", "\t", "&a ", "*a", "[", "]", "{", "}", "#", "'", "\"",
            "!!binary ", "<<: *a", "~", "null", "1e400", "-", "%", "x", "\r", "é", "\u00b5", "---\n", "...\n", "? ",
            "|", ">", "\\", "max: 1us\n", "  - id: Z\n", "p999: 1ms\n", "99999999999", ".nan", ",", "\u0000"};

    static List<byte[]> seeds;
    static List<String> seedNames;

    @BeforeAll
    static void loadSeeds() throws IOException {
        seeds = new ArrayList<>();
        seedNames = new ArrayList<>();
        add("every-kind", EVERY_KIND.getBytes(StandardCharsets.UTF_8));
        int block = 0;
        for (String yaml : readmeYamlBlocks()) {
            add("README block " + ++block, yaml.getBytes(StandardCharsets.UTF_8));
        }
        add("engine", Files.readAllBytes(Path.of("../sabot-engine-benchmarks/performance-budgets.yml")));
        try (Stream<Path> files = Files.walk(Path.of("../src/it"))) {
            for (Path p : files.filter(p -> p.getFileName().toString().equals("performance-budgets.yml")).sorted().toList()) {
                add(p.toString(), Files.readAllBytes(p));
            }
        }
        assertThat(seeds).hasSizeGreaterThan(10);
    }

    private static void add(String name, byte[] content) {
        seedNames.add(name);
        seeds.add(content);
    }

    /** The ```yaml blocks of the README that are budget files. */
    static List<String> readmeYamlBlocks() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        while (m.find()) {
            if (m.group(1).contains("budgets:")) {
                blocks.add(m.group(1));
            }
        }
        assertThat(blocks).as("README has a budget file example").isNotEmpty();
        return blocks;
    }

    @Test
    void mutatedFilesFailCleanlyOrParseSoundly() {
        ByteMutator mutator = new ByteMutator(YAML_TOKENS);
        new FuzzCampaign("budget file: byte mutations").run(FuzzCampaign.configuredCases(), (random, i) -> {
            int seed = random.nextInt(seeds.size());
            StringBuilder log = new StringBuilder(seedNames.get(seed) + ": ");
            byte[] input = mutator.mutate(seeds.get(seed), random, log);
            return new FuzzCampaign.Case(log.toString().trim(), input);
        }, BudgetFileOracle::judge).assertNoFailures();
    }

    @Test
    void truncatedAtEveryPositionFailsCleanlyOrParsesSoundly() {
        // The default build cuts the every-kind file at each byte; -Pfuzz cuts every seed at each byte.
        boolean all = FuzzCampaign.configuredCases() >= 10_000;
        List<FuzzCampaign.Case> cases = new ArrayList<>();
        for (int i = 0; i < (all ? seeds.size() : 1); i++) {
            cases.addAll(ByteMutator.truncations(seedNames.get(i), seeds.get(i)));
        }
        new FuzzCampaign("budget file: truncations").runAll(cases, BudgetFileOracle::judge).assertNoFailures();
    }

    @Test
    void hostileDocumentsFailCleanlyOrParseSoundly() {
        new FuzzCampaign("budget file: generated hostile documents").run(FuzzCampaign.configuredCases(),
                (random, i) -> FuzzCampaign.Case.of("generated", new HostileBudgetFiles(random).document()),
                BudgetFileOracle::judge).assertNoFailures();
    }

    @Test
    void invalidUtf8IsAlwaysRejectedWithItsPosition() {
        byte[][] bad = {{(byte) 0xFF}, {(byte) 0xC3, '('}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xE9}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xC3}};
        new FuzzCampaign("budget file: invalid UTF-8").run(FuzzCampaign.configuredCases(), (random, i) -> {
            int seed = random.nextInt(seeds.size());
            byte[] content = seeds.get(seed);
            int at = random.nextInt(content.length + 1);
            byte[] input = ByteMutator.splice(content, at, 0, bad[random.nextInt(bad.length)]);
            return new FuzzCampaign.Case(seedNames.get(seed) + ": invalid UTF-8 at byte " + at, input);
        }, input -> {
            assertThat(BudgetFileOracle.judge(input)).isEqualTo(FuzzCampaign.Outcome.REJECTED);
            return FuzzCampaign.Outcome.REJECTED;
        }).assertNoFailures();
    }

    @Test
    void aliasBombsStaySmallInMemory() throws Exception {
        // 7 levels of 7 aliases each: 823,543 leaves if expanded, 42 aliases (under the limit of 50) if shared.
        StringBuilder yaml = new StringBuilder("version: 1\njmh:\n  l0: &l0 [x, x, x, x, x, x, x]\n");
        for (int level = 1; level < 7; level++) {
            yaml.append("  l").append(level).append(": &l").append(level).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(7, "*l" + (level - 1)))).append("]\n");
        }
        yaml.append("  profilers: *l6\nbudgets: *l6\n");
        byte[] input = yaml.toString().getBytes(StandardCharsets.UTF_8);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        assertThat(BudgetFileOracle.judge(input)).isEqualTo(FuzzCampaign.Outcome.REJECTED);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        System.out.printf("[fuzz] alias bomb of %d bytes (823,543 leaves if expanded): %.1f MB allocated%n",
                input.length, allocated / 1e6);
        assertThat(allocated).as("bytes allocated while parsing the alias bomb").isLessThan(64L << 20);
    }
}
