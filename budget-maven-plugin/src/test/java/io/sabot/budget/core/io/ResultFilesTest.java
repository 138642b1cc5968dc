package io.sabot.budget.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sabot.budget.core.model.MachineSpeed;
import io.sabot.budget.core.model.Metric;
import io.sabot.budget.core.model.RunResults;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Reading JMH JSON and baselines; the regression tests are for bugs found by {@link ResultFileFuzzTest}. */
class ResultFilesTest {

    /** One avgt result; {@code %s} is replaced by the primary metric's body after "score". */
    static String result(String primaryTail, String extraFields) {
        return """
                [ { "benchmark" : "io.x.B.m", "mode" : "avgt", "threads" : 1, "forks" : 2 %s,
                    "primaryMetric" : { "score" : 10.0, "scoreError" : "NaN", "scoreConfidence" : [ "NaN", "NaN" ],
                                        "scoreUnit" : "us/op" %s },
                    "secondaryMetrics" : { } } ]
                """.formatted(extraFields, primaryTail);
    }

    static RunResults read(String json) throws ResultFileException {
        return ResultFiles.read("results.json", json.getBytes(StandardCharsets.UTF_8));
    }

    static String errorOf(String json) {
        return assertThatThrownBy(() -> read(json)).isInstanceOf(ResultFileException.class).actual().getMessage();
    }

    /** A baseline with {@code speed} (a JSON value, or null for none) in its environment. */
    static String baselineWithSpeed(String speed) {
        return """
                { "format" : "budget-baseline", "version" : 1, "recordedAt" : "2026-11-25T10:00:00Z", "environment" : { "jdkVendor" : "V", "jdkVersion" : "17", "vmName" : "VM",
                  "os" : "Linux", "arch" : "amd64", "cpuModel" : "EPYC", "cores" : 2, "jmhVersion" : "1.37", "jvmArgs" : [ ] %s },
                  "results" : %s }
                """.formatted(speed == null ? "" : ", \"speed\" : " + speed, result("", ""));
    }

    @Test
    void aBaselineKeepsTheMachineSpeedAndOlderBaselinesHaveNone() throws Exception {
        RunResults measured = read(baselineWithSpeed("{ \"cpuNanosPerStep\" : 1.25, \"memoryNanosPerLoad\" : 95.5 }"));
        assertThat(measured.environment().orElseThrow().speed()).isEqualTo(new MachineSpeed(1.25, 95.5));
        RunResults older = read(baselineWithSpeed(null));
        assertThat(older.environment().orElseThrow().speed()).isEqualTo(MachineSpeed.UNKNOWN);
    }

    @Test
    void aMalformedMachineSpeedIsAnErrorNamingTheField() {
        assertThat(errorOf(baselineWithSpeed("{ \"cpuNanosPerStep\" : \"fast\" }")))
                .contains("results.json").contains("\"environment.speed\" must be an object with numbers");
        assertThat(errorOf(baselineWithSpeed("{ \"cpuNanosPerStep\" : -3 }")))
                .contains("\"environment.speed\": machine speed timings must be finite and not negative");
    }

    @Test
    void readsWhatJmhWritesIncludingNaNErrorEstimates() throws Exception {
        RunResults run = read(result(", \"rawData\" : [ [ 9.0, 10.0 ], [ 11.0 ] ], \"scorePercentiles\" : { \"50.0\" : 10.0 }", ""));
        Metric primary = run.results().get(0).primary();
        assertThat(primary.scoreError()).isNaN();
        assertThat(primary.sampleCount()).isEqualTo(3);
        assertThat(primary.percentiles()).containsEntry(50.0, 10.0);
    }

    @Test
    void invalidUtf8IsRejectedWithItsPosition() {
        byte[] bytes = result("", "").getBytes(StandardCharsets.UTF_8);
        bytes[5] = (byte) 0xFF;
        assertThatThrownBy(() -> ResultFiles.read("results.json", bytes)).isInstanceOf(ResultFileException.class)
                .hasMessageStartingWith("results.json:1:6:").hasMessageContaining("not valid UTF-8");
    }

    @Test
    void contentAfterTheDocumentIsRejected() {
        // Two runs appended to one file read as the first run alone.
        assertThat(errorOf(result("", "") + result("", ""))).startsWith("results.json:").contains("not valid JSON")
                .contains("content after the end of the document").doesNotContain("Feature", "`");
    }

    @Test
    void samplesMustBeFiniteAndTimesNonNegative() {
        assertThat(errorOf(result(", \"rawData\" : [ [ \"NaN\", 10.0 ] ]", ""))).contains("'rawData' is not a number");
        assertThat(errorOf(result(", \"rawData\" : [ [ -1.0, 10.0 ] ]", ""))).contains("'rawData' is negative");
        assertThat(errorOf(result(", \"rawData\" : [ [ 1.7976931348623157E308, 10.0 ] ]", "")))
                .contains("'rawData' is not a plausible measurement");
        assertThat(errorOf(result(", \"rawData\" : [ [ 1e400 ] ]", ""))).contains("not a plausible measurement");
        assertThat(errorOf(result(", \"scorePercentiles\" : { \"99.0\" : \"NaN\" }", ""))).contains("'scorePercentiles' is not a number");
        assertThat(errorOf(result(", \"scorePercentiles\" : { \"150\" : 1.0 }", ""))).contains("not between 0 and 100");
        assertThat(errorOf(result("", "").replace("\"score\" : 10.0", "\"score\" : -10.0"))).contains("'score' is negative");
    }

    @Test
    void forksAndHistogramsMustHoldSamples() {
        assertThat(errorOf(result(", \"rawData\" : [ [ 9.0 ], [ ] ]", ""))).contains("non-empty lists");
        assertThat(errorOf(result(", \"rawDataHistogram\" : [ [ ] ]", ""))).contains("'rawDataHistogram' must be per fork");
        assertThat(errorOf(result(", \"rawDataHistogram\" : [ [ [ [ 1.0, 0 ] ] ] ]", ""))).contains("iteration without samples");
        assertThat(errorOf(result(", \"rawDataHistogram\" : [ [ [ [ 1.0, -3 ] ] ] ]", ""))).contains("is negative");
        // An iteration that is an object used to end in a NullPointerException.
        assertThat(errorOf(result(", \"rawDataHistogram\" : [ [ { \"a\" : 1 } ] ]", ""))).contains("'rawDataHistogram' must be per fork");
    }

    @Test
    void wronglyTypedFieldsAreErrorsNotDefaults() {
        assertThat(errorOf(result("", "").replace("\"threads\" : 1", "\"threads\" : 0"))).contains("'threads' must be a whole number >= 1");
        assertThat(errorOf(result("", "").replace("\"threads\" : 1", "\"threads\" : \"many\""))).contains("'threads' must be a whole number");
        assertThat(errorOf(result("", ", \"threads\" : 2"))).contains("duplicate field 'threads'").doesNotContain("ObjectNode", "Feature");
        assertThat(errorOf(result("", ", \"params\" : { \"size\" : { } }"))).contains("@Param 'size' must be a value");
        assertThat(errorOf(result(", \"rawData\" : 5", ""))).contains("'rawData' must be a list of lists");
        assertThat(errorOf(result(", \"scorePercentiles\" : [ ]", ""))).contains("'scorePercentiles' is not an object");
        assertThat(errorOf(result("", "").replace("\"scoreConfidence\" : [ \"NaN\", \"NaN\" ]", "\"scoreConfidence\" : 3")))
                .contains("[low, high] pair");
        assertThat(errorOf(result("", "").replace("\"secondaryMetrics\" : { }", "\"secondaryMetrics\" : 5")))
                .contains("'secondaryMetrics' is not an object");
    }

    @Test
    void realResultFilesOfTheRepositoryAreAccepted() throws Exception {
        // The stricter checks must not reject what JMH and budget:baseline really write.
        for (String file : new String[] {"../sabot-engine-benchmarks/src/perf/baseline-quick.json",
                "../src/it/compare-outside-project/files/before.json", "../src/it/compare-outside-project/files/after.json"}) {
            RunResults run = ResultFiles.read(java.nio.file.Path.of(file));
            assertThat(run.results()).as(file).isNotEmpty();
        }
    }
}
