package io.sabot.budget.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.budget.core.check.CheckKind;
import io.sabot.budget.core.check.CheckResult;
import io.sabot.budget.core.check.Evaluation;
import io.sabot.budget.core.model.BenchmarkKey;
import io.sabot.budget.core.model.Level;
import io.sabot.budget.core.model.Mode;
import io.sabot.budget.core.model.Verdict;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/** TEST-budget.xml must be what Jenkins, GitHub and GitLab JUnit readers accept, counts included. */
class JUnitXmlSchemaTest {

    private static CheckResult check(String id, String benchmark, Map<String, String> params, Level level, Verdict verdict,
                                     String message, List<String> notes) {
        return new CheckResult(id, CheckKind.SCORE, new BenchmarkKey(benchmark, Mode.AVERAGE_TIME, params), level, verdict,
                "<= 10 us/op", OptionalDouble.empty(), 12, "us/op", OptionalDouble.empty(), "[11, 13]", message, notes);
    }

    private static String render() {
        String nasty = "io.x.Bench.\"quoted\" <script>alert('x')</script> | a]]>b";
        List<CheckResult> results = List.of(
                check("PASS-1", "io.x.Bench.fast", Map.of(), Level.ERROR, Verdict.PASS, "within the limit", List.of()),
                check("FAIL-1", nasty, Map.of("size", "1|2\nnext line"), Level.ERROR, Verdict.FAIL,
                        "score is 12 us/op but the limit is <= 10 us/op & more \u0007bell", List.of("confirmed by rerun 1")),
                check("WARN-1", "io.x.Bench.slow", Map.of(), Level.WARN, Verdict.FAIL, "a target missed", List.of()),
                check("INC-1", "io.x.Bench.noisy", Map.of(), Level.ERROR, Verdict.INCONCLUSIVE, "too noisy", List.of()));
        ReportContext context = new ReportContext("demo <project>", new Evaluation(results, List.of(), List.of()),
                Optional.empty(), Optional.empty(), Duration.ofMillis(1234), List.of());
        return JUnitXmlReport.render(context);
    }

    @Test
    void validatesAgainstTheJUnitReportSchema() throws Exception {
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(new StreamSource(getClass().getResourceAsStream("/junit/junit-report.xsd")));
        schema.newValidator().validate(new StreamSource(new StringReader(render())));
    }

    @Test
    void countsMatchTheTestCasesAndFailuresCarryTheNumbers() throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(render())));
        Element suite = doc.getDocumentElement();
        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        assertThat(suite.getAttribute("failures")).isEqualTo(String.valueOf(doc.getElementsByTagName("failure").getLength()))
                .isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo(String.valueOf(doc.getElementsByTagName("skipped").getLength()))
                .isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        Element failure = (Element) doc.getElementsByTagName("failure").item(0);
        // The reader sees the original text back, markup and all; control characters XML cannot carry are shown escaped.
        assertThat(failure.getAttribute("message")).isEqualTo("score is 12 us/op but the limit is <= 10 us/op & more \\u0007bell");
        assertThat(failure.getTextContent()).contains("limit: <= 10 us/op").contains("interval: [11, 13]")
                .contains("note: confirmed by rerun 1");
        Element failedCase = (Element) failure.getParentNode();
        assertThat(failedCase.getAttribute("name")).contains("<script>alert('x')</script>").contains("a]]>b")
                .contains("\"quoted\"");
    }
}
