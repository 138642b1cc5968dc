package io.sabot.budget.core.report;

import io.sabot.budget.core.check.CheckResult;
import io.sabot.budget.core.model.Verdict;
import java.io.StringWriter;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code TEST-budget.xml} in the Ant/Surefire JUnit format that Jenkins, GitHub and GitLab test
 * reporters read: one test case per check; an error-level FAIL is a {@code <failure>} with the
 * numbers, INCONCLUSIVE is {@code <skipped>}, a warning passes with its message in system-out.
 */
public final class JUnitXmlReport {

    private JUnitXmlReport() {
    }

    public static String render(ReportContext context) {
        var results = context.evaluation().results();
        long failures = results.stream().filter(CheckResult::isViolation).count();
        long skipped = results.stream().filter(r -> r.verdict() == Verdict.INCONCLUSIVE).count();
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "budget." + attribute(context.project()));
            xml.writeAttribute("tests", String.valueOf(results.size()));
            xml.writeAttribute("failures", String.valueOf(failures));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", String.valueOf(skipped));
            xml.writeAttribute("time", String.format(Locale.ROOT, "%.3f", context.elapsed().toMillis() / 1000.0));
            xml.writeCharacters("\n");
            for (CheckResult r : results) {
                xml.writeCharacters("  ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", "budget." + attribute(r.benchmark().shortName()));
                xml.writeAttribute("name", attribute(r.id() + " " + r.benchmark().label()));
                xml.writeAttribute("time", "0");
                if (r.isViolation()) {
                    xml.writeStartElement("failure");
                    xml.writeAttribute("message", attribute(r.message()));
                    xml.writeAttribute("type", "BudgetViolation");
                    xml.writeCharacters(clean(body(r)));
                    xml.writeEndElement();
                } else if (r.verdict() == Verdict.INCONCLUSIVE) {
                    xml.writeStartElement("skipped");
                    xml.writeAttribute("message", attribute(r.message()));
                    xml.writeEndElement();
                } else if (r.isWarning() || !r.notes().isEmpty()) {
                    xml.writeStartElement("system-out");
                    xml.writeCharacters(clean(body(r)));
                    xml.writeEndElement();
                }
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the JUnit XML report", e);
        }
        return out.toString();
    }

    private static String body(CheckResult r) {
        StringBuilder text = new StringBuilder(r.verdictLabel()).append(": ").append(r.message())
                .append("\nlimit: ").append(r.limit()).append("\ninterval: ").append(r.interval());
        r.notes().forEach(n -> text.append("\nnote: ").append(n));
        return text.toString();
    }

    /**
     * An attribute value on one line: parsers turn raw newlines in attributes into spaces, and CI
     * servers show names on one line, so control characters are shown escaped instead.
     */
    static String attribute(String text) {
        return clean(PlainText.printable(text));
    }

    /** Drops characters XML 1.0 cannot carry at all (control characters other than tab and newlines). */
    static String clean(String text) {
        if (allLegal(text)) {
            return text; // the usual case, without copying every message code point by code point
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean legal = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
            if (legal) {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static boolean allLegal(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != 0x9 && c != 0xA && c != 0xD) || c > 0xD7FF) {
                return false; // controls, and everything from the surrogates up: the slow path decides
            }
        }
        return true;
    }
}
