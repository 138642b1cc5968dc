package io.sabot.budget.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sabot.budget.core.check.CheckKind;
import io.sabot.budget.core.check.CheckResult;
import io.sabot.budget.core.check.Evaluation;
import io.sabot.budget.core.model.BenchmarkKey;
import io.sabot.budget.core.model.Level;
import io.sabot.budget.core.model.Mode;
import io.sabot.budget.core.model.Verdict;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Benchmark names, @Param values and budget ids are data: results compared with budget:compare can
 * come from anywhere. Every report must show them as text and keep its own structure intact.
 */
class HostileNamesTest {

    static final String ID = "ID|<b>bold</b>]]>\"q'`*_[x](javascript:alert(1))\n## heading\\";
    static final String BENCHMARK = "io.evil.<script>alert(1)</script>|Bench]]>.m\"e't\\h|od";
    static final String PARAM_KEY = "k|<i>";
    static final String PARAM_VALUE = "a|b<script>x</script>\"'\n]]>&amp;\r\u001b[2J\u0007\\|";
    static final String MESSAGE = "measured 5 ns/op <script>alert(2)</script> | ]]> \"quoted\"\nsecond line";
    static final String NOTE = "note with ]]> and <tag> and |pipe| and\nnewline";

    private static ReportContext context() {
        BenchmarkKey key = new BenchmarkKey(BENCHMARK, Mode.AVERAGE_TIME, Map.of(PARAM_KEY, PARAM_VALUE));
        CheckResult failed = new CheckResult(ID, CheckKind.SCORE, key, Level.ERROR, Verdict.FAIL, "<= 1 ns/op",
                OptionalDouble.empty(), 5, "ns/op", OptionalDouble.empty(), "[4.9, 5.1]", MESSAGE, List.of(NOTE));
        CheckResult passed = new CheckResult("PLAIN", CheckKind.SCORE,
                new BenchmarkKey("io.x.Plain.run", Mode.AVERAGE_TIME, Map.of()), Level.ERROR, Verdict.PASS,
                "<= 1 s/op", OptionalDouble.empty(), 5, "ns/op", OptionalDouble.empty(), "[4.9, 5.1]", "ok", List.of());
        Evaluation evaluation = new Evaluation(List.of(failed, passed), List.of("problem <b>|"), List.of("note ]]>"));
        return new ReportContext("io.evil:<proj>|]]>", evaluation, Optional.empty(), Optional.empty(),
                Duration.ofSeconds(1), List.of("Report: target/budget/report.md"));
    }

    @Test
    void jsonReportRoundTripsEveryNameExactly() throws Exception {
        JsonNode root = new ObjectMapper().readTree(JsonReport.render(context()));
        JsonNode check = root.get("checks").get(0);
        assertThat(check.get("id").asText()).isEqualTo(ID);
        assertThat(check.get("benchmark").asText()).isEqualTo(BENCHMARK);
        assertThat(check.get("params").get(PARAM_KEY).asText()).isEqualTo(PARAM_VALUE);
        assertThat(check.get("message").asText()).isEqualTo(MESSAGE);
        assertThat(check.get("notes").get(0).asText()).isEqualTo(NOTE);
        assertThat(root.get("project").asText()).isEqualTo("io.evil:<proj>|]]>");
    }

    @Test
    void junitXmlStaysWellFormedAndKeepsNamesAsText() throws Exception {
        String xml = JUnitXmlReport.render(context());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        NodeList cases = doc.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(2);
        Element hostile = (Element) cases.item(0);
        String label = "<script>alert(1)</script>|Bench]]>.m\"e't\\h|od[" + PARAM_KEY + "=" + PARAM_VALUE + "] (avgt)";
        // Attributes are one line (XML parsers turn raw newlines in them into spaces): control characters
        // are shown escaped. Text content keeps its newlines.
        assertThat(hostile.getAttribute("name")).isEqualTo(PlainText.printable(ID + " " + label));
        assertThat(hostile.getAttribute("name")).contains("\\n## heading", "\\u001b[2J");
        Element failure = (Element) hostile.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo(PlainText.printable(MESSAGE));
        assertThat(failure.getTextContent()).contains(MESSAGE, "note: " + NOTE);
        assertThat(doc.getElementsByTagName("script").getLength()).isZero();
        assertThat(doc.getElementsByTagName("b").getLength()).isZero();
        assertThat(doc.getDocumentElement().getAttribute("name")).isEqualTo("budget.io.evil:<proj>|]]>");
    }


    @Test
    void markdownTableKeepsSevenCellsPerRowAndNoLiveMarkup() {
        String md = MarkdownReport.render(context());
        List<String> rows = md.lines().filter(l -> l.startsWith("|")).toList();
        assertThat(rows).hasSize(4);
        for (String row : rows) {
            assertThat(unescapedPipes(row)).as(row).isEqualTo(8);
        }
        assertThat(md).doesNotContain("<script>", "<b>", "<i>", "[x](javascript", "\r", "\u001b", "\u0007");
        assertThat(md.lines()).noneMatch(l -> l.startsWith("## heading"));
        assertThat(rows.get(2)).contains("ID\\|&lt;b&gt;bold&lt;/b&gt;\\]\\]&gt;")
                .contains("a\\|b&lt;script&gt;x&lt;/script&gt;");
    }

    /** Pipes that split GitHub table cells: those not escaped by a backslash (which may itself be escaped). */
    private static int unescapedPipes(String row) {
        int count = 0;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '|') {
                count++;
            }
        }
        return count;
    }

    @Test
    void consoleTableKeepsOneLinePerCheckAndNoControlCharacters() {
        List<String> lines = ConsoleTable.render(context());
        assertThat(lines).hasSize(5);
        assertThat(lines).allSatisfy(l -> assertThat(l).doesNotContain("\n", "\r", "\u001b", "\u0007"));
        assertThat(lines.get(2)).startsWith("ID|<b>bold</b>]]>\"q'`*_[x](javascript:alert(1))\\n## heading\\")
                .endsWith("FAIL");
        assertThat(lines.get(3)).endsWith("PASS");
    }

    @Test
    void failureSummaryKeepsOneLinePerFailureAndNote() {
        String text = FailureSummary.render(context().evaluation().violations(), context());
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).isEqualTo("1 performance budget check failed:");
        assertThat(lines.get(1)).startsWith("  - ID|<b>bold</b>]]>").contains("\\u001b[2J", "second line");
        assertThat(lines.get(2)).isEqualTo("      note with ]]> and <tag> and |pipe| and\\nnewline");
        assertThat(lines.get(3)).isEqualTo("Details:");
        assertThat(text).doesNotContain("\r", "\u001b", "\u0007");
    }
}
