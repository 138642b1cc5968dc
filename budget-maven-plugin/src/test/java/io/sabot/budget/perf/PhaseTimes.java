package io.sabot.budget.perf;

import io.sabot.budget.core.check.BudgetEvaluator;
import io.sabot.budget.core.check.Evaluation;
import io.sabot.budget.core.check.Statistics;
import io.sabot.budget.core.gate.BudgetGate;
import io.sabot.budget.core.gate.GateSettings;
import io.sabot.budget.core.gate.StandardReporter;
import io.sabot.budget.core.io.BudgetFileParser;
import io.sabot.budget.core.io.ResultFiles;
import io.sabot.budget.core.model.BudgetFile;
import io.sabot.budget.core.model.RunResults;
import io.sabot.budget.core.report.ConsoleTable;
import io.sabot.budget.core.report.HtmlReport;
import io.sabot.budget.core.report.JUnitXmlReport;
import io.sabot.budget.core.report.JsonReport;
import io.sabot.budget.core.report.MarkdownReport;
import io.sabot.budget.core.report.ReportContext;
import io.sabot.budget.core.report.ReportData;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Where budget:compare's time goes for a large suite, phase by phase, in a cold JVM as a Maven
 * build would run it (first call) and warm (second call): a measuring aid, not a test.
 * {@code java -cp <test classpath> io.sabot.budget.perf.PhaseTimes 1000 target/large-suite [passes, default 2] [whole]}
 * (one pass only, for a profiler that should see the cold run alone; {@code whole}: each pass is one
 * {@code BudgetGate.compare} as budget:compare calls it, with its threads, instead of the phases one by one).
 */
public final class PhaseTimes {

    public static void main(String[] args) throws Exception {
        int size = Integer.parseInt(args[0]);
        LargeSuite suite = LargeSuite.write(Path.of(args[1]), size);
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        boolean whole = args.length > 3 && args[3].equals("whole");
        for (int pass = 1; pass <= passes; pass++) {
            System.out.println("pass " + pass + ", " + size + " benchmarks");
            if (whole) {
                GateSettings settings = new GateSettings(suite.budgets, true, suite.baseline, Path.of(args[1], "budget"), false,
                        false, false, Optional.empty(), Optional.empty(), "large", Optional.empty(), 20);
                StandardReporter reporter = new StandardReporter(settings, line -> { }, Instant.now(), List.of());
                time("budget:compare", () -> new BudgetGate(Statistics.standard(), null, reporter)
                        .compare(settings, suite.current, suite.baseline));
                continue;
            }
            BudgetFile budgets = time("parse budgets", () -> BudgetFileParser.parse(suite.budgets));
            RunResults current = time("read current", () -> ResultFiles.read(suite.current));
            RunResults baseline = time("read baseline", () -> ResultFiles.read(suite.baseline));
            Evaluation evaluation = time("evaluate", () -> new BudgetEvaluator(Statistics.standard(), false)
                    .evaluate(budgets, current, Optional.of(baseline), current.environment()));
            ReportContext context = new ReportContext("large", evaluation, current.environment(), Optional.of(baseline),
                    Duration.ofSeconds(1), List.of());
            ReportData data = new ReportData(current, budgets, List.of(), Optional.empty(), 20, List.of(), Instant.now());
            time("console table", () -> ConsoleTable.render(context));
            time("report.json", () -> JsonReport.render(context, data));
            time("report.md", () -> MarkdownReport.render(context, data).length());
            time("TEST-budget.xml", () -> JUnitXmlReport.render(context));
            String html = time("report.html", () -> HtmlReport.render(context, data));
            System.out.printf("  report.html %,d bytes; %d checks%n", html.length(), evaluation.results().size());
        }
    }

    /** Wall time, and the CPU time of this thread and of the whole JVM (JIT and GC included): on a loaded machine the CPU times are the steadier. */
    private static <T> T time(String phase, Callable<T> work) throws Exception {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long start = System.nanoTime();
        long thread = threads.getCurrentThreadCpuTime();
        long process = os.getProcessCpuTime();
        T value = work.call();
        System.out.printf("  %-16s %6d ms wall %6d ms thread cpu %6d ms jvm cpu%n", phase, (System.nanoTime() - start) / 1_000_000,
                (threads.getCurrentThreadCpuTime() - thread) / 1_000_000, (os.getProcessCpuTime() - process) / 1_000_000);
        return value;
    }
}
