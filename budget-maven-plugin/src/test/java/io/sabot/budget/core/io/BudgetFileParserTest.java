package io.sabot.budget.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sabot.budget.core.model.Bound;
import io.sabot.budget.core.model.BudgetFile;
import io.sabot.budget.core.model.Level;
import io.sabot.budget.core.model.Limit;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class BudgetFileParserTest {

    static BudgetFile parse(String yaml) throws Exception {
        return BudgetFileParser.parse("budgets.yml", new StringReader(yaml));
    }

    static String errorOf(String yaml) {
        return assertThatThrownBy(() -> parse(yaml)).isInstanceOf(BudgetFileException.class)
                .actual().getMessage();
    }

    @Test
    void readsEveryBudgetKind() throws Exception {
        BudgetFile file = parse("""
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
                """);
        assertThat(file.defaults().regression()).isEqualTo(0.075);
        assertThat(file.defaults().level()).isEqualTo(Level.WARN);
        assertThat(file.jmh().forks()).contains(2);
        assertThat(file.jmh().measurementTime()).contains(Duration.ofMillis(500));
        assertThat(file.jmh().jvmArgs()).containsExactly("-Xmx1g");
        assertThat(file.budgets()).hasSize(7);
        assertThat(file.budgets().get(0).limit()).containsInstanceOf(Limit.Score.class);
        assertThat(file.budgets().get(0).level()).isEqualTo(Level.WARN);
        assertThat(file.budgets().get(1).params()).containsEntry("size", "1024");
        assertThat(((Limit.Score) file.budgets().get(1).limit().orElseThrow()).bound()).isEqualTo(Bound.MIN);
        assertThat(((Limit.Percentile) file.budgets().get(2).limit().orElseThrow()).percentile()).isEqualTo(99.9);
        assertThat(((Limit.SecondaryMetric) file.budgets().get(3).limit().orElseThrow()).metric()).isEqualTo("gc.alloc.rate.norm");
        assertThat(((Limit.SecondaryMetric) file.budgets().get(4).limit().orElseThrow()).metric()).isEqualTo("gc.alloc.rate");
        assertThat(((Limit.Ratio) file.budgets().get(5).limit().orElseThrow()).factor()).isEqualTo(5);
        assertThat(file.budgets().get(6).limit()).isEmpty();
        assertThat(file.budgets().get(6).regression()).hasValue(0.05);
        assertThat(file.budgets().get(2).location().line()).isEqualTo(20);
    }

    @Test
    void malformedYamlNamesLineAndColumn() {
        assertThat(errorOf("version: 1\nbudgets:\n  - id: [unclosed\n")).startsWith("budgets.yml:").contains("malformed YAML");
    }

    @Test
    void malformedYamlSaysWhatWentWrongAndWhatToLookFor() {
        assertThat(errorOf("version: 1\nbudgets:\n  - id: A\n    benchmark: \"*.a\"\n   max: 1us\n"))
                .startsWith("budgets.yml:5:4: malformed YAML: while parsing a block collection: expected <block end>,")
                .endsWith("(check the indentation: the keys of one mapping, and the '-' of one list, start in the same column)");
        assertThat(errorOf("version: 1\nbudgets:\n  - {id: A, benchmark: \"*.a\", max: 1us\n"))
                .contains("while parsing a flow mapping: expected ',' or '}'").endsWith("(a '{' or '[' is not closed, or its"
                        + " items are not separated by commas)");
        assertThat(errorOf("version: 1\nbudgets:\n  - id: A\n    benchmark: \"*.a\n"))
                .contains("while scanning a quoted scalar: found unexpected end of stream (a quote is not closed)");
    }

    @Test
    void unknownKeySuggestsTheClosestOne() {
        String message = errorOf("version: 1\nbudgets:\n  - id: A\n    benchmark: x.Y.z\n    maxx: 1ms\n");
        assertThat(message).contains("budgets.yml:5:5").contains("unknown key 'maxx'").contains("did you mean 'max'?");
        assertThat(errorOf("version: 1\nbudgets:\n  - id: A\n    benchmrk: x.Y.z\n    max: 1ms\n"))
                .contains("did you mean 'benchmark'?");
    }

    @Test
    void badValuesAreReportedTogether() {
        String message = errorOf("""
                version: 1
                budgets:
                  - id: A
                    benchmark: x.Y.z
                    max: 10 parsecs
                  - id: A
                    benchmark: x.Y.z
                    regression: ten
                  - benchmark: x.Y.w
                    max: 1ms
                """);
        assertThat(message).contains("3 problems")
                .contains("budgets.yml:5:10").contains("accepted units")
                .contains("must be a percentage such as 10%")
                .contains("every budget needs an 'id'");
    }

    @Test
    void regressionOffMarksReferenceBenchmarksAndBelongsOnBudgetsOnly() throws Exception {
        BudgetFile file = parse("""
                version: 1
                budgets:
                  - id: PEERS
                    benchmark: "*.hashMapGet"
                    regression: off
                  - id: GET
                    benchmark: "*.get"
                    min: 1M ops/s
                """);
        assertThat(file.budgets().get(0).regressionOff()).isTrue();
        assertThat(file.budgets().get(1).regressionOff()).isFalse();
        assertThat(file.regressionOff("io.x.MapBenchmark.hashMapGet", java.util.Map.of())).isTrue();
        assertThat(file.regressionOff("io.x.MapBenchmark.get", java.util.Map.of())).isFalse();

        assertThat(errorOf("version: 1\ndefaults:\n  regression: off\nbudgets: []\n"))
                .contains("budgets.yml:3:15").contains("'regression: off' in 'defaults'")
                .contains("set it on a budget that names the reference benchmarks");
        assertThat(errorOf("version: 1\nbudgets:\n  - id: A\n    benchmark: a.B.c\n    regression: none\n"))
                .contains("budgets.yml:5:17").contains("or off for reference benchmarks").contains("not 'none'");
    }

    @Test
    void duplicateIdsAndDuplicateKeysAreErrors() {
        assertThat(errorOf("version: 1\nbudgets:\n  - id: A\n    benchmark: a.B.c\n    max: 1ms\n  - id: A\n    benchmark: a.B.d\n    max: 1ms\n"))
                .contains("duplicate budget id 'A'");
        assertThat(errorOf("version: 1\nbudgets:\n  - id: A\n    benchmark: a.B.c\n    max: 1ms\n    max: 2ms\n"))
                .contains("duplicate key 'max'");
    }

    @Test
    void oneLimitPerBudgetAndCompleteRatioBudgets() {
        assertThat(errorOf("version: 1\nbudgets:\n  - id: A\n    benchmark: a.B.c\n    max: 1ms\n    alloc: 0 B/op\n"))
                .contains("several limits (max, alloc)");
        assertThat(errorOf("version: 1\nbudgets:\n  - id: A\n    benchmark: a.B.c\n    by: 5x\n"))
                .contains("'by' needs 'faster-than");
        assertThat(errorOf("version: 1\nbudgets:\n  - id: A\n    benchmark: a.B.c\n    faster-than: a.B.d\n"))
                .contains("'faster-than' needs 'by");
        assertThat(errorOf("version: 1\nbudgets:\n  - id: A\n    benchmark: a.B.c\n"))
                .contains("sets no limit");
    }

    @Test
    void emptyAndVersionlessFilesAreRejected() {
        assertThat(errorOf("")).contains("the budget file is empty");
        assertThat(errorOf("budgets: []\n")).contains("missing 'version: 1'");
        assertThat(errorOf("version: 2\nbudgets: []\n")).contains("unsupported version '2'");
    }

    @Test
    @Timeout(10)
    void aliasBombsAreBoundedNotExpanded() {
        StringBuilder yaml = new StringBuilder("version: 1\na: &a [x, x, x, x, x, x, x, x, x, x]\n");
        char previous = 'a';
        for (char c = 'b'; c <= 'k'; c++) {
            yaml.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 10; i++) {
                yaml.append(i == 0 ? "" : ", ").append('*').append(previous);
            }
            yaml.append("]\n");
            previous = c;
        }
        yaml.append("budgets: []\n");
        assertThat(errorOf(yaml.toString())).containsAnyOf("YAML rejected", "malformed YAML", "unknown key");
    }

    @Test
    void deepNestingIsRejected() {
        String yaml = "version: 1\nbudgets: " + "[".repeat(200) + "]".repeat(200) + "\n";
        assertThat(errorOf(yaml)).containsAnyOf("nesting", "YAML rejected", "malformed YAML");
    }

    @Test
    void fileMustBeUtf8AndMustExist(@TempDir Path dir) throws Exception {
        Path latin1 = dir.resolve("budgets.yml");
        Files.write(latin1, new byte[] {'v', 'e', 'r', ':', ' ', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> BudgetFileParser.parse(latin1)).hasMessageContaining("not valid UTF-8");
        assertThatThrownBy(() -> BudgetFileParser.parse(dir.resolve("missing.yml")))
                .hasMessageContaining("budget file not found").hasMessageContaining("-Dbudget.budgetFile");
    }

    // ---- regressions for bugs found by BudgetFileFuzzTest (docs/reliability-plugin-fuzzing.md) ----

    @Test
    void nonScalarKeysGetAPlainMessageWithLocation() {
        String message = errorOf("version: 1\nbudgets:\n  - id: A\n    ? [a, b]\n    : 1ms\n");
        assertThat(message).startsWith("budgets.yml:4:").contains("a key must be a single word")
                .doesNotContain("org.yaml", "Event", "com.fasterxml");
    }

    @Test
    void everyErrorHasALineAndColumn(@TempDir Path dir) throws Exception {
        assertThat(errorOf("version: 1\nbudgets: " + "[".repeat(100) + "]".repeat(100) + "\n")).startsWith("budgets.yml:2:");
        Path latin1 = dir.resolve("budgets.yml");
        Files.write(latin1, new byte[] {'v', ':', ' ', '1', '\n', 'a', 'b', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> BudgetFileParser.parse(latin1)).hasMessageContaining("budgets.yml:2:3:")
                .hasMessageContaining("byte 0xE9");
    }

    @Test
    void hugeIterationCountsAreErrorsNotNumberFormatExceptions() {
        assertThat(errorOf("version: 1\njmh:\n  warmup: 99999999999 x 1s\nbudgets: []\n"))
                .contains("budgets.yml:3:11").contains("must look like '5 x 1s'");
    }

    @Test
    void zeroForksAreAnErrorWithTheLineAndAHint() {
        // forks: 0 made JMH run every benchmark inside its own JVM, one benchmark's JIT profile distorting the next.
        assertThat(errorOf("version: 1\njmh:\n  forks: 0\nbudgets: []\n"))
                .contains("budgets.yml:3:10").contains("'forks' must be a whole number >= 1, not '0'")
                .contains("inside JMH's own JVM").contains("use 1 for a short run");
        assertThat(errorOf("version: 1\njmh:\n  forks: -2\nbudgets: []\n"))
                .contains("budgets.yml:3:10").contains("'forks' must be a whole number >= 1, not '-2'");
    }

    @Test
    void measurementNeedsAnIterationWarmupMayHaveNone() throws Exception {
        assertThat(errorOf("version: 1\njmh:\n  measurement: 0 x 1s\nbudgets: []\n"))
                .contains("budgets.yml:3:16").contains("'measurement' must have at least 1 iteration, not '0 x 1s'")
                .contains("measure nothing");
        assertThat(parse("version: 1\njmh:\n  warmup: 0 x 1s\nbudgets: []\n").jmh().warmupIterations())
                .as("no warmup is a legitimate choice (cold start, SingleShot)").contains(0);
        assertThat(errorOf("version: 1\njmh:\n  warmup: 3 x 0s\nbudgets: []\n"))
                .contains("budgets.yml:3:11").contains("'warmup' must give each iteration a positive time");
    }

    @Test
    void blankPeerOfARatioBudgetIsAnError() {
        assertThat(errorOf("version: 1\nbudgets:\n  - id: A\n    benchmark: a.B.c\n    faster-than: ' '\n    by: 2x\n"))
                .contains("budgets.yml:5:18").contains("'faster-than' must name the peer benchmark");
    }

    @Test
    void infiniteLimitsAndFactorsAreRejected() {
        // 1e400 overflows to Infinity: "max: Infinity" would pass every run.
        assertThat(errorOf("version: 1\nbudgets:\n  - id: A\n    benchmark: a.B.c\n    max: 1e400us\n"))
                .contains("budgets.yml:5:10").contains("too large to be a limit");
        assertThat(errorOf("version: 1\nbudgets:\n  - id: A\n    benchmark: a.B.c\n    faster-than: a.B.d\n    by: 1e400x\n"))
                .contains("'by' must be a positive factor");
        assertThat(errorOf("version: 1\nbudgets:\n  - id: A\n    benchmark: a.B.c\n    faster-than: a.B.d\n    by: " + "9".repeat(400) + "x\n"))
                .contains("'by' must be a positive factor").doesNotContain("9".repeat(100));
    }

    @Test
    void aliasesResolveToTheirAnchorsValueOrAreRejected() throws Exception {
        // Jackson reports "*name" as the text "name": "level: *strict" read as level 'strict', and an
        // anchor named like a value ("&warn error") flipped the meaning. Lists and mappings resolve...
        BudgetFile file = parse("""
                version: 1
                jmh:
                  profilers: &profilers [gc]
                  jvm-args: *profilers
                budgets:
                  - id: A
                    benchmark: "*.Bench.a"
                    params: &big { size: 1024 }
                    max: 10us
                  - id: B
                    benchmark: "*.Bench.b"
                    params: *big
                    max: 10us
                """);
        assertThat(file.jmh().jvmArgs()).containsExactly("gc");
        assertThat(file.budgets().get(1).params()).containsEntry("size", "1024");
        // ...and single values, whose anchors Jackson does not report, are an error, never misread.
        assertThat(errorOf("version: 1\nbudgets:\n  - id: A\n    benchmark: a.B.c\n    max: 1ms\n    level: &warn error\n"
                + "  - id: B\n    benchmark: a.B.d\n    max: 1ms\n    level: *warn\n"))
                .contains("budgets.yml:10:12").contains("aliases of single values are not supported");
        assertThat(errorOf("version: 1\nbudgets:\n  - id: A\n    benchmark: *nowhere\n    max: 1ms\n"))
                .contains("budgets.yml:4:16").contains("alias '*nowhere'");
        assertThat(errorOf("version: 1\nbudgets:\n  - id: A\n    benchmark: a.B.c\n    <<: {max: 1ms}\n"))
                .contains("merge keys");
    }

    @Test
    void percentilesOutsideZeroToHundredAreRejected() {
        for (String key : new String[] {"p0", "p999", "p100.5"}) {
            assertThat(errorOf("version: 1\nbudgets:\n  - id: A\n    benchmark: a.B.c\n    " + key + ": 1ms\n"))
                    .contains("budgets.yml:5:5").contains("percentile '" + key + "' must lie above p0 and at most p100");
        }
    }

    @Test
    void emptyProfilerAndJvmArgEntriesAreRejected() {
        assertThat(errorOf("version: 1\njmh:\n  profilers: ['']\n  jvm-args: [' ']\nbudgets: []\n"))
                .contains("'profilers' entries must not be empty").contains("'jvm-args' entries must not be empty");
    }

    @Test
    void descriptionIsASingleNonEmptyValue() {
        // Found by BudgetFileSchemaTest: the parser accepted "description:" (empty) that the schema rejects.
        assertThat(errorOf("version: 1\nbudgets:\n  - id: A\n    benchmark: a.B.c\n    max: 1ms\n    description: \n")).contains("budgets.yml:6:");
        assertThat(errorOf("version: 1\nbudgets:\n  - id: A\n    benchmark: a.B.c\n    max: 1ms\n    description: [a]\n"))
                .contains("'description' must be a single value");
    }
}
