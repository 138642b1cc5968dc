package io.sabot.budget.core.report;

import io.sabot.budget.core.check.CheckKind;
import io.sabot.budget.core.check.CheckResult;
import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.Environment;
import io.sabot.budget.core.model.JdkComparison;
import io.sabot.budget.core.model.PairedRun;
import io.sabot.budget.core.model.Verdict;
import java.util.List;
import java.util.Optional;

/**
 * {@code report.md}: the table as GitHub-flavoured Markdown, for PR comments and step summaries. In
 * paired mode one line under the header names the baseline code; the rounds are listed only for
 * failed and inconclusive regression checks, to keep a PR comment short.
 */
public final class MarkdownReport {

    /** Beyond this many checks the table lists only the checks that did not pass, and counts the passes. */
    static final int FULL_TABLE_CHECKS = 100;
    /**
     * The most report.md may hold, in UTF-8 bytes: GitHub refuses a step summary over 1 MiB (1,048,576 bytes);
     * the rest is room for the closing line and for what else the job writes there.
     */
    static final int MAX_BYTES = 900_000;

    private MarkdownReport() {
    }

    /** The report without a paired run. */
    public static String render(ReportContext context) {
        return render(context, Optional.empty(), List.of(), Optional.empty());
    }

    /**
     * The report; in paired mode ({@code data.paired()}) one line names the baseline code, and the
     * rounds of every failed or inconclusive regression check are listed under its details.
     */
    public static String render(ReportContext context, ReportData data) {
        return render(context, data.paired(), data.current().results(), data.jdks());
    }

    /**
     * The JDK comparison: its summary and one row per benchmark result with every JDK's score and ratio;
     * rows beyond the cap are counted with the rest, so the JDK table cannot push report.md past it.
     */
    private static void jdks(CappedText md, JdkComparison comparison) {
        md.add("\n### JDK comparison\n\n" + escape(JdkTable.summary(comparison)) + "\n\n");
        md.add(tableHeader(JdkTable.header(comparison)));
        JdkTable.rows(comparison).forEach(row -> md.addUnlessFull(tableRow(row)));
    }

    private static String tableHeader(List<String> header) {
        StringBuilder md = new StringBuilder("|");
        header.forEach(h -> md.append(' ').append(escape(h)).append(" |"));
        md.append("\n|");
        header.forEach(h -> md.append("---|"));
        return md.append('\n').toString();
    }

    private static String tableRow(List<String> row) {
        StringBuilder md = new StringBuilder("|");
        row.forEach(cell -> md.append(' ').append(escape(cell)).append(" |"));
        return md.append('\n').toString();
    }

    static String render(ReportContext context, Optional<PairedRun> paired, List<BenchmarkResult> current,
                         Optional<JdkComparison> jdks) {
        StringBuilder head = new StringBuilder();
        head.append("## Performance budgets: ").append(escape(context.project())).append("\n\n");
        head.append("**").append(context.summaryLine()).append("**");
        head.append(" (").append(context.elapsed().toSeconds()).append(" s)\n\n");
        context.environment().ifPresent(e -> head.append("Measured on: ").append(escape(e.summary())).append("\n\n"));
        context.baseline().ifPresent(b -> head.append("Baseline: ").append(escape(baselineText(b.source(),
                        b.recordedAt().map(Object::toString), b.reason(), b.environment().map(Environment::summary))))
                .append("\n\n"));
        paired.ifPresent(run -> head.append(escape(pairedLine(run))).append("\n\n"));
        CappedText md = new CappedText(MAX_BYTES);
        md.add(head.toString());

        List<CheckResult> all = context.evaluation().results();
        boolean summarised = all.size() > FULL_TABLE_CHECKS;
        // A large suite lists what needs attention and counts the passes (GitHub refuses a step summary over 1 MiB).
        List<CheckResult> listed = summarised
                ? VerdictOrder.worstFirst(all.stream().filter(r -> r.verdict() != Verdict.PASS).toList()) : all;
        if (summarised) {
            long passes = all.size() - listed.size();
            md.add(passes + " of " + all.size() + " checks passed and are counted, not listed; the table lists "
                    + (listed.isEmpty() ? "none" : "the other " + listed.size() + ", failures first")
                    + ". Every check is in report.html and report.json.\n\n");
        }
        if (!listed.isEmpty() || !summarised) {
            md.add(tableHeader(TableRows.HEADER));
        }
        TableRows.rows(listed).forEach(row -> md.addUnlessFull(tableRow(row)));
        List<String> problems = context.evaluation().problems();
        if (!problems.isEmpty()) {
            md.add("\n### Problems\n\n");
            problems.forEach(p -> md.addUnlessFull("- " + escape(p) + "\n"));
        }
        List<CheckResult> explained = listed.stream()
                .filter(r -> r.verdict() != Verdict.PASS || !r.notes().isEmpty()).toList();
        if (!explained.isEmpty()) {
            md.add("\n### Details\n\n");
            for (CheckResult r : explained) {
                StringBuilder item = new StringBuilder();
                item.append("- **").append(escape(r.id())).append("** ").append(escape(r.benchmark().label()))
                        .append(" — ").append(r.verdictLabel()).append(": ").append(escape(r.message())).append('\n');
                r.notes().forEach(n -> item.append("  - ").append(escape(n)).append('\n'));
                if (paired.isPresent() && r.kind() == CheckKind.REGRESSION && r.verdict() != Verdict.PASS) {
                    current.stream().filter(c -> c.key().equals(r.benchmark())).findFirst().ifPresent(c ->
                            rounds(item, PairedRounds.of(paired.get(), c), c.primary().unit().label()));
                }
                md.addUnlessFull(item.toString());
            }
        }
        if (!context.evaluation().notes().isEmpty()) {
            md.add("\n### Notes\n\n");
            context.evaluation().notes().forEach(n -> md.addUnlessFull("- " + escape(n) + "\n"));
        }
        jdks.ifPresent(comparison -> jdks(md, comparison));
        if (md.left() > 0) {
            md.add("\n" + md.left() + " more table rows, details and notes were left out: report.md stops at " + MAX_BYTES / 1000 + " kB, below the"
                    + " 1 MiB GitHub accepts as a step summary. Every check is in report.html and report.json.\n");
        }
        return md.toString();
    }

    /** "Paired run: baseline code git:HEAD~1 (...), measured beside this code in this build (4 pairs in 2 rounds, seed 42)". */
    static String pairedLine(PairedRun run) {
        long rounds = run.pairs().stream().mapToInt(PairedRun.Pair::round).distinct().count();
        return "Paired run: " + pairedText(run.baselineSource(), run.pairs().size(), rounds, run.seed());
    }

    /** "baseline code git:HEAD~1 (...), measured beside this code in this build (4 pairs in 2 rounds, order seed 42)". */
    static String pairedText(String baselineSource, int pairs, long rounds, long seed) {
        return "baseline code " + baselineSource + ", measured beside this code in this build (" + pairs + " pair"
                + (pairs == 1 ? "" : "s") + " in " + rounds + " round" + (rounds == 1 ? "" : "s") + ", order seed " + seed + ")";
    }

    /** "baseline.json, recorded 2026-12-01T10:00:00Z (reason), on Temurin 17 ...": the stored baseline in one line. */
    static String baselineText(String source, Optional<String> recordedAt, Optional<String> reason,
                               Optional<String> environment) {
        return source + recordedAt.map(t -> ", recorded " + t).orElse("") + reason.map(r -> " (" + r + ")").orElse("")
                + environment.map(e -> ", on " + e).orElse("");
    }

    private static void rounds(StringBuilder md, List<PairedRounds.Round> rounds, String unit) {
        if (!rounds.isEmpty()) {
            md.append("  - paired rounds (").append(escape(PairedRounds.SCORE_MEANING)).append("):\n");
        }
        for (PairedRounds.Round round : rounds) {
            md.append("    - ").append(escape("round " + round.round() + ", " + round.order() + ": baseline "
                    + PairedRounds.score(round.baselineScore()) + " -> this code " + PairedRounds.score(round.currentScore()) + " " + unit
                    + ", ratio " + PairedRounds.ratio(round.ratio()))).append('\n');
        }
    }

    /**
     * Neutralises Markdown and HTML in names: a benchmark called {@code a|b<script>} stays text, a
     * {@code [x](url)} is no link, a newline cannot start a heading or end a table row.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '|' -> out.append("\\|");
                case '[' -> out.append("\\[");
                case ']' -> out.append("\\]");
                case '~' -> out.append("\\~");
                case '`' -> out.append("\\`");
                case '*' -> out.append("\\*");
                case '_' -> out.append("\\_");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\n', '\r' -> out.append(' ');
                default -> out.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return out.toString();
    }
}
