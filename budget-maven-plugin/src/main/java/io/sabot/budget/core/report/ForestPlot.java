package io.sabot.budget.core.report;

import static io.sabot.budget.core.report.HtmlReport.escape;

import io.sabot.budget.core.check.CheckKind;
import io.sabot.budget.core.check.CheckResult;
import io.sabot.budget.core.check.CheckResult.Slowdown;
import io.sabot.budget.core.model.BenchmarkKey;
import io.sabot.budget.core.model.Quantity;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The top of report.html: every regression check of the build in one chart (a forest plot), so the
 * verdict is seen at a glance. One 14-pixel row per check: the estimated slowdown as a point, its
 * interval as a bar, the row's threshold as a tick, on a linear percent axis ({@link ForestAxis})
 * with 0 marked; the colour is the verdict. Rows are sorted FAIL, WARN, INCONCLUSIVE, PASS and within
 * each by estimate, largest first. A value beyond the axis is cut at its edge with an arrowhead; each
 * row prints its true numbers on the right and carries the check's message as a tooltip, and links
 * to its benchmark's section.
 *
 * <p>Inline SVG written here, so it draws without JavaScript (and a thousand rows cost no script
 * time); styles are in report.css. Every name is escaped.
 */
final class ForestPlot {

    static final int ROW = 14;
    static final int WIDTH = 1000;
    static final int AXIS_HEIGHT = 30;
    private static final int LABEL_X = 4;
    private static final int LABEL_WIDTH = 330;
    private static final int PLOT_LEFT = 345;
    private static final int PLOT_RIGHT = 775;
    private static final int NUMBERS_X = 790;
    /** Characters of a label that fit its column at 11 px; longer labels lose their middle. */
    static final int LABEL_CHARS = 50;

    private ForestPlot() {
    }

    /**
     * The section with the plot of every regression check among {@code results}.
     *
     * @param anchors the id of each benchmark's section on the page, for the rows' links
     */
    static String render(List<CheckResult> results, Map<BenchmarkKey, String> anchors) {
        List<CheckResult> rows = rows(results);
        StringBuilder s = new StringBuilder("<section id=\"regressions\" class=\"forest\" data-rows=\"")
                .append(rows.size()).append("\">\n<h2>Regressions against the baseline</h2>\n");
        if (rows.isEmpty()) {
            return s.append("<p>No regression checks ran: they need a baseline holding the benchmarks of this run.</p>\n")
                    .append("</section>\n").toString();
        }
        s.append("<p class=\"forest-legend\">").append(counts(rows)).append(", worst first. Each row: &#9679; the estimated"
                + " slowdown (positive = slower), &#9472; its interval, <b>|</b> the row's threshold; &#9654; a value beyond"
                + " the axis (the numbers on the right are exact). A row links to its benchmark.</p>\n");
        ForestAxis axis = ForestAxis.of(rows.stream().flatMap(r -> r.slowdown().stream()).toList());
        int height = rows.size() * ROW + 2;
        s.append("<div class=\"forest-scroll\">\n");
        s.append(axis(axis));
        s.append("<svg class=\"forest-rows\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" data-row-height=\"").append(ROW).append("\" data-shown=\"").append(rows.size())
                .append("\" role=\"img\" aria-label=\"Slowdown of every regression check against its threshold\">\n");
        s.append("<defs><clipPath id=\"forest-label-clip\"><rect width=\"").append(LABEL_WIDTH).append("\" height=\"")
                .append(ROW).append("\"/></clipPath></defs>\n");
        for (double tick : axis.ticks()) {
            double x = axis.position(tick, PLOT_LEFT, PLOT_RIGHT);
            s.append("<line class=\"").append(tick == 0 ? "zero" : "grid").append("\" x1=\"").append(num(x)).append("\" x2=\"")
                    .append(num(x)).append("\" y1=\"0\" y2=\"").append(height).append("\"/>\n");
        }
        for (int i = 0; i < rows.size(); i++) {
            s.append(row(rows.get(i), i, axis, anchors));
        }
        return s.append("</svg>\n</div>\n</section>\n").toString();
    }

    /** The regression checks in plot order. */
    static List<CheckResult> rows(List<CheckResult> results) {
        return results.stream()
                .filter(r -> r.kind() == CheckKind.REGRESSION)
                .sorted(VerdictOrder.WORST_FIRST
                        .thenComparing(Comparator.comparingDouble(ForestPlot::estimate).reversed())
                        .thenComparing(r -> r.benchmark().toString()))
                .toList();
    }

    /** The estimate to sort by; checks without one sort last within their verdict. */
    private static double estimate(CheckResult r) {
        double estimate = r.slowdown().map(Slowdown::estimate).orElse(Double.NaN);
        return Double.isNaN(estimate) ? Double.NEGATIVE_INFINITY : estimate;
    }

    private static String counts(List<CheckResult> rows) {
        StringBuilder c = new StringBuilder().append(rows.size()).append(" regression check").append(rows.size() == 1 ? "" : "s");
        String separator = ": ";
        for (String verdict : List.of("FAIL", "WARN", "INCONCLUSIVE", "PASS")) {
            long n = rows.stream().filter(r -> r.verdictLabel().equals(verdict)).count();
            if (n > 0) {
                c.append(separator).append(n).append(' ').append(verdict);
                separator = ", ";
            }
        }
        return c.toString();
    }

    private static String axis(ForestAxis axis) {
        StringBuilder a = new StringBuilder("<svg class=\"forest-axis\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(AXIS_HEIGHT).append("\" width=\"").append(WIDTH).append("\" height=\"")
                .append(AXIS_HEIGHT).append("\" aria-hidden=\"true\">\n");
        a.append("<rect class=\"axis-background\" width=\"").append(WIDTH).append("\" height=\"").append(AXIS_HEIGHT).append("\"/>\n");
        a.append("<text class=\"heading\" x=\"").append(LABEL_X).append("\" y=\"20\">benchmark</text>\n");
        a.append("<text class=\"heading\" x=\"").append(NUMBERS_X).append("\" y=\"20\">slowdown [interval] &#8804;threshold</text>\n");
        for (double tick : axis.ticks()) {
            double x = axis.position(tick, PLOT_LEFT, PLOT_RIGHT);
            a.append("<text class=\"tick\" x=\"").append(num(x)).append("\" y=\"14\" text-anchor=\"middle\">")
                    .append(ForestAxis.label(tick)).append("</text><line class=\"").append(tick == 0 ? "zero" : "grid")
                    .append("\" x1=\"").append(num(x)).append("\" x2=\"").append(num(x)).append("\" y1=\"20\" y2=\"")
                    .append(AXIS_HEIGHT).append("\"/>\n");
        }
        return a.append("</svg>\n").toString();
    }

    private static String row(CheckResult check, int index, ForestAxis axis, Map<BenchmarkKey, String> anchors) {
        String verdict = check.verdictLabel();
        Optional<Slowdown> slowdown = check.slowdown();
        StringBuilder r = new StringBuilder();
        String anchor = anchors.get(check.benchmark());
        if (anchor != null) {
            r.append("<a href=\"#").append(escape(anchor)).append("\">");
        }
        r.append("<g class=\"forest-row verdict-").append(verdict).append("\" data-verdict=\"").append(verdict)
                .append("\" data-check=\"").append(escape(check.id())).append("\" data-benchmark=\"")
                .append(escape(check.benchmark().toString())).append('"');
        slowdown.filter(d -> Double.isFinite(d.estimate()))
                .ifPresent(d -> r.append(" data-estimate=\"").append(d.estimate()).append('"'));
        r.append(" transform=\"translate(0,").append(index * ROW).append(")\">");
        r.append("<title>").append(escape(check.id() + " " + check.benchmark() + "\n" + verdict + ": " + check.message()))
                .append("</title>");
        r.append("<rect class=\"band\" width=\"").append(WIDTH).append("\" height=\"").append(ROW).append("\"/>");
        r.append("<text class=\"label\" x=\"").append(LABEL_X).append("\" y=\"11\" clip-path=\"url(#forest-label-clip)\">")
                .append(escape(shortened(check.benchmark().label()))).append("</text>");
        if (slowdown.isPresent()) {
            r.append(marks(slowdown.get(), axis));
        }
        r.append("<text class=\"numbers\" x=\"").append(NUMBERS_X).append("\" y=\"11\">")
                .append(escape(slowdown.map(ForestPlot::numbers).orElse("not compared"))).append("</text>");
        r.append("</g>");
        if (anchor != null) {
            r.append("</a>");
        }
        return r.append('\n').toString();
    }

    /** The interval bar, arrowheads where it is cut, the threshold tick and the estimate. */
    private static String marks(Slowdown d, ForestAxis axis) {
        StringBuilder m = new StringBuilder();
        int y = ROW / 2;
        if (!Double.isNaN(d.low()) && !Double.isNaN(d.high())) {
            double from = axis.position(d.low(), PLOT_LEFT, PLOT_RIGHT);
            double to = axis.position(d.high(), PLOT_LEFT, PLOT_RIGHT);
            m.append("<line class=\"interval\" x1=\"").append(num(from)).append("\" x2=\"").append(num(to))
                    .append("\" y1=\"").append(y).append("\" y2=\"").append(y).append("\"/>");
            if (axis.beyondLow(d.low())) {
                m.append("<path class=\"cut\" d=\"M").append(num(PLOT_LEFT - 6)).append(' ').append(y).append("l6 -5v10z\"/>");
            }
            if (axis.beyondHigh(d.high())) {
                m.append("<path class=\"cut\" d=\"M").append(num(PLOT_RIGHT + 6)).append(' ').append(y).append("l-6 -5v10z\"/>");
            }
        }
        if (Double.isFinite(d.threshold())) {
            double x = axis.position(d.threshold(), PLOT_LEFT, PLOT_RIGHT);
            m.append("<line class=\"threshold\" x1=\"").append(num(x)).append("\" x2=\"").append(num(x))
                    .append("\" y1=\"1\" y2=\"").append(ROW - 1).append("\"/>");
        }
        if (Double.isFinite(d.estimate()) && !axis.beyondLow(d.estimate()) && !axis.beyondHigh(d.estimate())) {
            m.append("<circle class=\"estimate\" cx=\"").append(num(axis.position(d.estimate(), PLOT_LEFT, PLOT_RIGHT)))
                    .append("\" cy=\"").append(y).append("\" r=\"3.5\"/>");
        }
        return m.toString();
    }

    /** "+11.1% [+3.4, +19.3] ≤+10.0%". */
    static String numbers(Slowdown d) {
        return percent(d.estimate(), true) + " [" + percent(d.low(), false) + ", " + percent(d.high(), false) + "] \u2264"
                + percent(d.threshold(), true);
    }

    static String percent(double fraction, boolean sign) {
        if (Double.isNaN(fraction)) {
            return "?";
        }
        if (Double.isInfinite(fraction)) {
            return fraction > 0 ? "+\u221e" : "-\u221e";
        }
        String number = Math.abs(fraction) < 0.0005 ? "0.0" : signed(Quantity.fixed(fraction * 100, 1));
        return number + (sign ? "%" : "");
    }

    /** At most {@link #LABEL_CHARS} code points: the start and the end of a longer label, joined by an ellipsis. */
    static String shortened(String label) {
        int length = label.codePointCount(0, label.length());
        if (length <= LABEL_CHARS) {
            return label;
        }
        int keep = LABEL_CHARS - 1;
        int head = keep * 3 / 5;
        int tail = keep - head;
        int headEnd = label.offsetByCodePoints(0, head);
        int tailStart = label.offsetByCodePoints(0, length - tail);
        return label.substring(0, headEnd) + "\u2026" + label.substring(tailStart);
    }

    private static String num(double value) {
        return Quantity.fixed(value, 1);
    }

    /** A number with its sign always written, as {@code %+f} writes it. */
    static String signed(String number) {
        return number.startsWith("-") ? number : "+" + number;
    }
}
