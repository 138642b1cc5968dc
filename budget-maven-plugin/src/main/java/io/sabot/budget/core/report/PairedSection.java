package io.sabot.budget.core.report;

import static io.sabot.budget.core.report.HtmlReport.escape;

import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.PairedRun;
import java.util.List;

/**
 * report.html in paired mode (the baseline code measured beside this code in the same build): the
 * "Paired run" section with the baseline's source, the seed of the order and every pair in the
 * order it ran, and per benchmark the table of its rounds ({@link PairedRounds}).
 */
final class PairedSection {

    private PairedSection() {
    }

    static String section(PairedRun run) {
        long baselineFirst = run.pairs().stream().filter(PairedRun.Pair::baselineFirst).count();
        long rounds = run.pairs().stream().mapToInt(PairedRun.Pair::round).distinct().count();
        StringBuilder s = new StringBuilder("<section id=\"paired\">\n<h2>Paired run</h2>\n");
        s.append("<p>The baseline code was measured beside this code in the same build: each pair ran a few benchmarks"
                + " on one side and at once on the other, in an order drawn at random, so both sides met the same"
                + " machine. Each benchmark's section lists its rounds.</p>\n");
        s.append("<dl class=\"facts\">\n");
        fact(s, "Baseline code", run.baselineSource());
        fact(s, "Seed of the order", Long.toString(run.seed()));
        fact(s, "Pairs", run.pairs().size() + " in " + rounds + " round" + (rounds == 1 ? "" : "s") + "; the baseline ran first in "
                + baselineFirst);
        s.append("</dl>\n");
        if (!run.pairs().isEmpty()) {
            s.append("<details><summary>The ").append(run.pairs().size()).append(" pairs in the order they ran</summary>\n")
                    .append("<table class=\"pairs\">\n<thead><tr><th>#</th><th>Round</th><th>First</th><th>Benchmarks</th>")
                    .append("</tr></thead>\n<tbody>\n");
            for (int i = 0; i < run.pairs().size(); i++) {
                PairedRun.Pair pair = run.pairs().get(i);
                s.append("<tr><td>").append(i + 1).append("</td><td>").append(pair.round()).append("</td><td>")
                        .append(pair.baselineFirst() ? "baseline" : "this code").append("</td><td>")
                        .append(escape(String.join(", ", pair.benchmarks()) + pair.paramsText())).append("</td></tr>\n");
            }
            s.append("</tbody>\n</table>\n</details>\n");
        }
        return s.append("</section>\n").toString();
    }

    /** The rounds of one benchmark: order, both sides' fork scores and their ratio. */
    static String rounds(PairedRun run, BenchmarkResult result) {
        List<PairedRounds.Round> rounds = PairedRounds.of(run, result);
        if (rounds.isEmpty()) {
            return "<p class=\"paired-rounds\">Paired run: the baseline code has no such benchmark, or it ran in no pair.</p>\n";
        }
        String unit = escape(result.primary().unit().label());
        StringBuilder t = new StringBuilder("<table class=\"paired-rounds\">\n<caption>Paired rounds: this code against the"
                + " baseline code, fork by fork (" + PairedRounds.SCORE_MEANING + ")</caption>\n<thead><tr><th>Round</th>"
                + "<th>Order</th><th>Baseline fork score (")
                .append(unit).append(")</th><th>This code fork score (").append(unit)
                .append(")</th><th>Ratio this / baseline</th></tr></thead>\n<tbody>\n");
        for (PairedRounds.Round round : rounds) {
            t.append("<tr><td>").append(round.round()).append("</td><td>").append(round.order()).append("</td><td>")
                    .append(escape(PairedRounds.score(round.baselineScore()))).append("</td><td>")
                    .append(escape(PairedRounds.score(round.currentScore()))).append("</td><td>")
                    .append(PairedRounds.ratio(round.ratio())).append("</td></tr>\n");
        }
        return t.append("</tbody>\n</table>\n").toString();
    }

    private static void fact(StringBuilder s, String name, String value) {
        s.append("<dt>").append(escape(name)).append("</dt><dd>").append(escape(value)).append("</dd>\n");
    }
}
