package io.sabot.budget.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The CI recipes of the README's "Sharding on a CI matrix" ({@code docs/ci/}) are real files: the
 * YAML parses, the shards cover 1..N with one N, the merge job depends on them and fails the
 * pipeline, artifacts travel from the shards to the merge; the Jenkinsfile's braces balance and its
 * parallel stages stash what the merge stage unstashes.
 */
class CiRecipesTest {

    private static final Path CI = Path.of("../docs/ci");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void githubActionsRunsAMatrixOfShardsAndAMergeJobThatNeedsThem() throws IOException {
        JsonNode workflow = YAML.readTree(CI.resolve("github-actions.yml").toFile());
        JsonNode shard = workflow.path("jobs").path("shard");
        JsonNode merge = workflow.path("jobs").path("merge");
        List<Integer> shards = new ArrayList<>();
        shard.path("strategy").path("matrix").path("shard").forEach(n -> shards.add(n.asInt()));
        assertThat(shards).containsExactly(1, 2, 3);
        assertThat(steps(shard, "run")).anyMatch(r -> r.contains("-Dbudget.shard=${{ matrix.shard }}/" + shards.size()));
        assertThat(steps(shard, "uses")).anyMatch(u -> u.startsWith("actions/upload-artifact@"));
        assertThat(merge.path("needs").asText()).isEqualTo("shard");
        assertThat(steps(merge, "uses")).anyMatch(u -> u.startsWith("actions/download-artifact@"));
        assertThat(steps(merge, "run")).anyMatch(r -> r.contains("budget:merge -Dbudget.shards=shards"));
        // a step without continue-on-error fails the job, and so the workflow
        assertThat(merge.path("continue-on-error").asBoolean(false)).isFalse();
    }

    @Test
    void gitlabRunsParallelShardsAndAMergeJobThatNeedsTheirArtifacts() throws IOException {
        JsonNode pipeline = YAML.readTree(CI.resolve("gitlab-ci.yml").toFile());
        JsonNode shard = pipeline.path("performance-shard");
        JsonNode verdict = pipeline.path("performance-verdict");
        assertThat(shard.path("parallel").asInt()).isEqualTo(3);
        assertThat(shard.path("script").get(0).asText()).contains("-Dbudget.shard=${CI_NODE_INDEX}/${CI_NODE_TOTAL}");
        assertThat(shard.path("artifacts").path("paths").get(0).asText()).isEqualTo("shards/");
        assertThat(verdict.path("needs").get(0).path("job").asText()).isEqualTo("performance-shard");
        assertThat(verdict.path("needs").get(0).path("artifacts").asBoolean()).isTrue();
        assertThat(verdict.path("script").get(0).asText()).contains("budget:merge -Dbudget.shards=shards");
        assertThat(verdict.path("allow_failure").asBoolean(false)).isFalse();
        assertThat(pipeline.path("stages")).extracting(JsonNode::asText).containsExactly("performance", "verdict");
    }

    @Test
    void jenkinsRunsParallelShardStagesThatStashWhatTheMergeStageUnstashes() throws IOException {
        String jenkinsfile = Files.readString(CI.resolve("Jenkinsfile"));
        assertThat(balanced(jenkinsfile)).as("braces and parentheses balance").isTrue();
        assertThat(jenkinsfile).contains("pipeline {").contains("parallel {");
        List<String> stashed = all(jenkinsfile, "stash name: '([^']+)'");
        List<String> unstashed = all(jenkinsfile, "unstash '([^']+)'");
        assertThat(stashed).containsExactly("budget-shard-1", "budget-shard-2", "budget-shard-3");
        assertThat(unstashed).containsExactlyElementsOf(stashed);
        assertThat(all(jenkinsfile, "-Dbudget\\.shard=(\\d/\\d)")).containsExactly("1/3", "2/3", "3/3");
        assertThat(jenkinsfile.indexOf("budget:merge -Dbudget.shards=shards")).isGreaterThan(jenkinsfile.lastIndexOf("unstash"));
    }

    private static List<String> steps(JsonNode job, String field) {
        List<String> values = new ArrayList<>();
        job.path("steps").forEach(s -> {
            if (s.has(field)) {
                values.add(s.get(field).asText());
            }
        });
        return values;
    }

    private static List<String> all(String text, String regex) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** Braces and parentheses outside strings and // comments nest properly. */
    static boolean balanced(String groovy) {
        java.util.Deque<Character> open = new java.util.ArrayDeque<>();
        for (String line : groovy.split("\n")) {
            char quote = 0;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quote != 0) {
                    quote = c == quote ? 0 : quote;
                } else if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                    break;
                } else if (c == '{' || c == '(') {
                    open.push(c);
                } else if (c == '}' || c == ')') {
                    if (open.isEmpty() || open.pop() != (c == '}' ? '{' : '(')) {
                        return false;
                    }
                }
            }
        }
        return open.isEmpty();
    }
}
