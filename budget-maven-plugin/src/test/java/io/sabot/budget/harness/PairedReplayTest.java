package io.sabot.budget.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sabot.budget.core.check.Statistics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairedReplayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    /** A recorded build: 20 benchmarks, 6 rounds, both sides' forks drifting together by up to 10% per round. */
    private void build(String session, String name, double slowdown, long seed) throws IOException {
        Path dir = work.resolve("paired").resolve(session).resolve(name);
        Files.createDirectories(dir);
        Random random = new Random(seed);
        ArrayNode current = JSON.createArrayNode();
        ArrayNode baseline = JSON.createArrayNode();
        for (int b = 0; b < 20; b++) {
            ArrayNode now = benchmark(current, b).putArray("rawData");
            ArrayNode before = benchmark(baseline, b).putArray("rawData");
            for (int r = 0; r < 6; r++) {
                double machine = 0.9 + 0.2 * random.nextDouble();
                fork(before.addArray(), 10 * (b + 1) * machine, random);
                fork(now.addArray(), 10 * (b + 1) * machine * (1 + slowdown), random);
            }
        }
        JSON.writeValue(dir.resolve("results.json").toFile(), current);
        JSON.writeValue(dir.resolve("baseline-results.json").toFile(), baseline);
    }

    private static ObjectNode benchmark(ArrayNode run, int index) {
        ObjectNode result = run.addObject().put("benchmark", "io.x.Work.work" + index).put("mode", "avgt").put("threads", 1)
                .put("forks", 6).put("jmhVersion", "1.37");
        return result.putObject("primaryMetric").put("score", 10.0 * (index + 1)).put("scoreUnit", "us/op");
    }

    private static void fork(ArrayNode fork, double mean, Random random) {
        double forkMean = mean * (1 + 0.01 * random.nextGaussian());
        for (int i = 0; i < 3; i++) {
            fork.add(forkMean * (1 + 0.002 * random.nextGaussian()));
        }
    }

    @Test
    void everyRecordedPairedBuildIsRejudgedAndTalliedByCondition() throws Exception {
        build("session-20261206-010000", "build-01-paired-cpu-slowdown-0.00", 0, 1);
        build("session-20261206-010000", "build-02-paired-cpu-slowdown-0.15", 0.15, 2);
        build("session-20261206-020000", "build-01-paired-idle-slowdown-0.00", 0, 3);
        // neither a paired build nor complete: left alone
        Files.createDirectories(work.resolve("paired/session-20261206-020000/build-02-stored-idle-slowdown-0.00"));
        Files.createDirectories(work.resolve("paired/session-20261206-020000/build-03-paired-idle-slowdown-0.25"));

        List<Path> builds = PairedReplay.builds(work);
        Map<String, PairedReplay.Tally> tally = PairedReplay.replay(builds, Statistics.standard().withErrorSpentOver(3));

        assertThat(builds).hasSize(3);
        assertThat(tally).containsOnlyKeys("cpu, A/A", "cpu, +15%", "idle, A/A");
        assertThat(tally.get("cpu, +15%")).isEqualTo(new PairedReplay.Tally(1, 1, 20, 0, 0));
        assertThat(tally.get("cpu, A/A")).isEqualTo(new PairedReplay.Tally(1, 0, 0, 20, 0));
        assertThat(PairedReplay.render(tally)).contains("| cpu, +15% | 1 | 1 | 20 | 20 | 0 | 0 |");
    }

    @Test
    void aWorkDirectoryWithoutPairedBuildsIsNamed() {
        assertThatThrownBy(() -> PairedReplay.builds(work)).hasMessageContaining(work.resolve("paired").toString())
                .hasMessageContaining("--paired");
    }
}
