package io.sabot.budget.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schema of the budget file ({@code META-INF/budget/performance-budgets.schema.json}, copied
 * to {@code docs/}) and the parser must agree: the repository's budget files and the README examples
 * are valid for both, a set of invalid files is rejected by both, every file the parser accepts is
 * valid for the schema (so an IDE never flags a working file), and the schema names exactly the
 * parser's keys. The schema cannot see everything (unique ids, aliases, numbers too large for a
 * double), so files the parser rejects may still pass the schema.
 */
class BudgetFileSchemaTest {

    static final String RESOURCE = "/META-INF/budget/performance-budgets.schema.json";
    static Schema schema;
    static JsonNode schemaTree;

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = BudgetFileSchemaTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as("schema published in the plugin jar at " + RESOURCE).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            schemaTree = new ObjectMapper().readTree(text);
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(text, InputFormat.JSON);
        }
    }

    static List<Error> schemaErrors(String yaml) {
        return schema.validate(yaml, InputFormat.YAML);
    }

    static boolean parserAccepts(String yaml) {
        try {
            BudgetFileParser.parse("budgets.yml", new StringReader(yaml));
            return true;
        } catch (BudgetFileException e) {
            return false;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static boolean schemaAccepts(String yaml) {
        try {
            return schemaErrors(yaml).isEmpty();
        } catch (RuntimeException e) {
            return false; // not YAML at all
        }
    }

    @Test
    void schemaIsAValidDraft07Schema() {
        Schema meta = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(SchemaLocation.of("http://json-schema.org/draft-07/schema#"));
        assertThat(meta.validate(schemaTree)).isEmpty();
        assertThat(schemaTree.path("$schema").asText()).isEqualTo("http://json-schema.org/draft-07/schema#");
    }

    @Test
    void docsCopyIsTheSchemaInTheJar() throws Exception {
        try (InputStream in = BudgetFileSchemaTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(Files.readString(Path.of("../docs/performance-budgets.schema.json")))
                    .as("docs/performance-budgets.schema.json must be a copy of src/main/resources" + RESOURCE)
                    .isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void schemaNamesExactlyTheParsersKeys() {
        assertThat(names(schemaTree.path("properties"))).isEqualTo(new TreeSet<>(BudgetFileParser.TOP_KEYS));
        assertThat(names(schemaTree.at("/properties/defaults/properties"))).isEqualTo(new TreeSet<>(BudgetFileParser.DEFAULTS_KEYS));
        assertThat(names(schemaTree.at("/properties/jmh/properties"))).isEqualTo(new TreeSet<>(BudgetFileParser.JMH_KEYS));
        assertThat(names(schemaTree.at("/definitions/budget/properties"))).isEqualTo(new TreeSet<>(BudgetFileParser.BUDGET_KEYS));
    }

    @Test
    void repositoryBudgetFilesAndReadmeExamplesAgree() throws Exception {
        List<String> files = new ArrayList<>(BudgetFileFuzzTest.readmeYamlBlocks());
        files.add(BudgetFileFuzzTest.EVERY_KIND);
        files.add(Files.readString(Path.of("../sabot-engine-benchmarks/performance-budgets.yml")));
        try (Stream<Path> its = Files.walk(Path.of("../src/it"))) {
            for (Path p : its.filter(p -> p.getFileName().toString().equals("performance-budgets.yml")).sorted().toList()) {
                files.add(Files.readString(p));
            }
        }
        int count = 0;
        for (String yaml : files) {
            boolean parser = parserAccepts(yaml);
            boolean valid = schemaAccepts(yaml);
            assertThat(valid).as("schema and parser disagree on:%n%s%nschema says: %s", yaml,
                    valid ? "valid" : describe(yaml)).isEqualTo(parser);
            count += parser ? 1 : 0;
        }
        assertThat(count).as("valid example files").isGreaterThanOrEqualTo(10);
    }

    @Test
    void invalidFilesAreRejectedByBoth() {
        String head = "version: 1\nbudgets:\n  - id: A\n    benchmark: x.Y.z\n";
        List<String> invalid = List.of(
                "budgets: []\n",                                             // no version
                "version: 2\nbudgets: []\n",                                 // unsupported version
                "version: 1\n",                                              // no budgets
                "version: 1\nbudgts: []\nbudgets: []\n",                     // unknown top key
                "version: 1\ndefaults:\n  regression: 10\nbudgets: []\n",   // percentage without %
                "version: 1\ndefaults:\n  level: fatal\nbudgets: []\n",     // unknown level
                "version: 1\njmh:\n  warmup: 3 times\nbudgets: []\n",       // iterations
                "version: 1\njmh:\n  forks: -1\nbudgets: []\n",             // negative forks
                "version: 1\njmh:\n  forks: 0\nbudgets: []\n",              // no fork: JMH's own JVM
                "version: 1\njmh:\n  forks: '0'\nbudgets: []\n",            // the same as text
                "version: 1\njmh:\n  measurement: 0 x 1s\nbudgets: []\n",   // measures nothing
                "version: 1\njmh:\n  profilers: gc\nbudgets: []\n",         // not a list
                "version: 1\nbudgets:\n  id: A\n",                           // budgets not a list
                "version: 1\nbudgets:\n  - benchmark: x.Y.z\n    max: 1ms\n", // no id
                "version: 1\nbudgets:\n  - id: A\n    max: 1ms\n",             // no benchmark
                head + "    maxx: 1ms\n",                                    // unknown key
                head,                                                        // no limit
                head + "    max: 10 parsecs\n",                              // unknown unit
                head + "    max: -5us\n",                                    // negative
                head + "    max: 64 B/op\n",                                 // bytes on the score
                head + "    max: 1ms\n    min: 1us\n",                       // two limits
                head + "    p99: 1ms\n    alloc: 0 B/op\n",                  // percentile and alloc
                head + "    p99: 100K ops/s\n",                              // percentile is a time
                head + "    p999: 1ms\n",                                    // percentile above 100
                head + "    alloc: 10us\n",                                  // alloc is bytes
                head + "    by: 5x\n",                                       // by without faster-than
                head + "    faster-than: x.Y.w\n",                           // faster-than without by
                head + "    metric: gc.alloc.rate\n",                        // metric without max/min
                head + "    max: 1ms\n    params: [1]\n",                    // params not a mapping
                head + "    max: 1ms\n    regression: ten\n",               // regression not a percentage
                head + "    max: 1ms\n    level: loud\n");                   // level
        for (String yaml : invalid) {
            assertThat(parserAccepts(yaml)).as("parser accepted:%n%s", yaml).isFalse();
            assertThat(schemaAccepts(yaml)).as("schema accepted:%n%s", yaml).isFalse();
        }
    }

    @Test
    void everyFileTheParserAcceptsIsValidForTheSchema() {
        int[] agreedRejections = {0};
        FuzzCampaign campaign = new FuzzCampaign("schema: parser-accepted generated documents are schema-valid")
                .run(FuzzCampaign.configuredCases(), (random, i) -> FuzzCampaign.Case.of("generated",
                        new HostileBudgetFiles(random).document()), input -> {
                    String yaml = new String(input, StandardCharsets.UTF_8);
                    if (!parserAccepts(yaml)) {
                        agreedRejections[0] += schemaAccepts(yaml) ? 0 : 1;
                        return FuzzCampaign.Outcome.REJECTED;
                    }
                    assertThat(schemaErrors(yaml)).as("the parser accepts it, the schema flags it").isEmpty();
                    return FuzzCampaign.Outcome.ACCEPTED;
                });
        System.out.println("[fuzz] schema also rejected " + agreedRejections[0] + " of the documents the parser rejected");
        campaign.assertNoFailures();
    }

    private static String describe(String yaml) {
        try {
            return schemaErrors(yaml).toString();
        } catch (RuntimeException e) {
            return "not YAML: " + e.getMessage();
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
