package io.sabot.budget.core.report;

import io.sabot.budget.core.io.JsonTrees;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sabot.budget.core.check.CheckResult;
import io.sabot.budget.core.check.Evaluation;
import io.sabot.budget.core.model.Environment;
import io.sabot.budget.core.io.PairsJson;
import io.sabot.budget.core.model.JdkComparison;
import io.sabot.budget.core.model.PairedRun;
import java.util.Optional;

/**
 * {@code report.json}, for machines. Schema (version 1):
 * <pre>
 * { "schemaVersion": 1, "project": str, "elapsedSeconds": num,
 *   "summary": { "checks", "passed", "failed", "warnings", "inconclusive" },
 *   "environment": Environment?, "baseline": { "source", "recordedAt"?, "reason"?, "environment"? }?,
 *   "paired": { "baselineSource", "seed", "pairs": [ { "round", "benchmarks": [str], "baselineFirst" } ] }?
 *             (paired mode: the baseline code measured beside this code, every pair in the order it ran),
 *   "jdks": { "reference", "seed", "budgetsOn"?, "jdks": [ { "label", "java", "version" } ],
 *             "runs": [ { "round", "benchmarks": [str], "params": {..}?, "order": [label] } ],
 *             "benchmarks": [ { "benchmark", "mode", "params": {..}, "unit", "results": [ { "jdk", "score",
 *                             "ratio", "low"?, "high"?, "verdict"? } ] } ] }?
 *             (a JDK comparison: the same benchmarks on several JDKs; ratio = this JDK's score / the
 *             reference's, with the paired interval; checks of a JDK carry " @label" in their id),
 *   "checks": [ { "id", "kind" (SCORE|PERCENTILE|METRIC|RATIO|REGRESSION), "benchmark", "mode",
 *                 "params": {..}, "level" (ERROR|WARN), "verdict" (PASS|FAIL|INCONCLUSIVE),
 *                 "verdictLabel" (PASS|FAIL|WARN|INCONCLUSIVE), "limit", "baseline": num|null,
 *                 "measured": num|null, "unit", "change": num|null (fraction, positive = worse),
 *                 "interval", "slowdown": { "low", "estimate", "high", "threshold" }? (REGRESSION checks;
 *                 fractions, positive = worse), "message", "notes": [str] } ],
 *   "problems": [str], "notes": [str] }
 * </pre>
 * Numbers that are not finite are written as null. Fields are only ever added within a version, never
 * renamed or removed ({@code slowdown}, {@code paired} and {@code jdks} came later in version 1).
 */
public final class JsonReport {

    public static final int SCHEMA_VERSION = 1;

    private JsonReport() {
    }

    /** The report without a paired run. */
    public static String render(ReportContext context) {
        return render(context, Optional.empty());
    }

    /** The report with the paired run that measured the baseline, when {@code data} has one. */
    public static String render(ReportContext context, ReportData data) {
        return render(context, data.paired(), data.jdks());
    }

    private static String render(ReportContext context, Optional<PairedRun> paired) {
        return render(context, paired, Optional.empty());
    }

    private static String render(ReportContext context, Optional<PairedRun> paired, Optional<JdkComparison> jdks) {
        ObjectNode root = JsonTrees.object();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("project", context.project());
        root.put("elapsedSeconds", context.elapsed().toMillis() / 1000.0);
        Evaluation e = context.evaluation();
        ObjectNode summary = root.putObject("summary");
        summary.put("checks", e.results().size());
        summary.put("passed", e.passed());
        summary.put("failed", e.violations().size());
        summary.put("warnings", e.warnings().size());
        summary.put("inconclusive", e.inconclusive().size());
        context.environment().ifPresent(env -> root.set("environment", environment(env)));
        context.baseline().ifPresent(b -> {
            ObjectNode baseline = root.putObject("baseline");
            baseline.put("source", b.source());
            b.recordedAt().ifPresent(t -> baseline.put("recordedAt", t.toString()));
            b.reason().ifPresent(r -> baseline.put("reason", r));
            b.environment().ifPresent(env -> baseline.set("environment", environment(env)));
        });
        paired.ifPresent(run -> {
            ObjectNode p = root.putObject("paired");
            p.put("baselineSource", run.baselineSource());
            p.put("seed", run.seed());
            PairsJson.write(p.putArray("pairs"), run.pairs());
        });
        jdks.ifPresent(comparison -> root.set("jdks", jdks(comparison)));
        ArrayNode checks = root.putArray("checks");
        for (CheckResult r : e.results()) {
            ObjectNode c = checks.addObject();
            c.put("id", r.id());
            c.put("kind", r.kind().name());
            c.put("benchmark", r.benchmark().benchmark());
            c.put("mode", r.benchmark().mode().jmhName());
            ObjectNode params = c.putObject("params");
            r.benchmark().params().forEach(params::put);
            c.put("level", r.level().name());
            c.put("verdict", r.verdict().name());
            c.put("verdictLabel", r.verdictLabel());
            c.put("limit", r.limit());
            number(c, "baseline", r.baseline().isPresent() ? r.baseline().getAsDouble() : Double.NaN);
            number(c, "measured", r.measured());
            c.put("unit", r.unit());
            number(c, "change", r.change().isPresent() ? r.change().getAsDouble() : Double.NaN);
            c.put("interval", r.interval());
            r.slowdown().ifPresent(d -> {
                ObjectNode slowdown = c.putObject("slowdown");
                number(slowdown, "low", d.low());
                number(slowdown, "estimate", d.estimate());
                number(slowdown, "high", d.high());
                number(slowdown, "threshold", d.threshold());
            });
            c.put("message", r.message());
            ArrayNode notes = c.putArray("notes");
            r.notes().forEach(notes::add);
        }
        ArrayNode problems = root.putArray("problems");
        e.problems().forEach(problems::add);
        ArrayNode notes = root.putArray("notes");
        e.notes().forEach(notes::add);
        return JsonTrees.pretty(root) + "\n";
    }

    private static ObjectNode jdks(JdkComparison comparison) {
        ObjectNode node = JsonTrees.object();
        node.put("reference", comparison.reference().label());
        node.put("seed", comparison.seed());
        comparison.budgetsOn().ifPresent(on -> node.put("budgetsOn", on));
        ArrayNode jdks = node.putArray("jdks");
        for (JdkComparison.Jdk jdk : comparison.jdks()) {
            jdks.addObject().put("label", jdk.label()).put("java", jdk.java().toString()).put("version", jdk.version());
        }
        ArrayNode runs = node.putArray("runs");
        for (JdkComparison.Run run : comparison.runs()) {
            ObjectNode o = runs.addObject();
            o.put("round", run.round());
            run.benchmarks().forEach(o.putArray("benchmarks")::add);
            if (!run.params().isEmpty()) {
                ObjectNode params = o.putObject("params");
                run.params().forEach(params::put);
            }
            run.order().forEach(o.putArray("order")::add);
        }
        ArrayNode benchmarks = node.putArray("benchmarks");
        for (JdkComparison.Row row : comparison.rows()) {
            ObjectNode b = benchmarks.addObject();
            b.put("benchmark", row.key().benchmark());
            b.put("mode", row.key().mode().jmhName());
            ObjectNode params = b.putObject("params");
            row.key().params().forEach(params::put);
            b.put("unit", row.unit());
            ArrayNode results = b.putArray("results");
            for (JdkComparison.Cell cell : row.cells()) {
                ObjectNode r = results.addObject();
                r.put("jdk", cell.jdk());
                number(r, "score", cell.score());
                number(r, "ratio", cell.ratio());
                if (Double.isFinite(cell.low()) && Double.isFinite(cell.high())) {
                    r.put("low", cell.low());
                    r.put("high", cell.high());
                }
                cell.verdict().ifPresent(v -> r.put("verdict", v.name()));
            }
        }
        return node;
    }

    private static ObjectNode environment(Environment env) {
        return JsonTrees.environment(env);
    }

    private static void number(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }
}
