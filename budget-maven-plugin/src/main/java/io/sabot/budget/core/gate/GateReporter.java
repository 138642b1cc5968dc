package io.sabot.budget.core.gate;

import io.sabot.budget.core.model.Environment;
import io.sabot.budget.core.model.RunResults;
import io.sabot.budget.core.report.ReportData;
import java.io.IOException;
import java.util.Optional;

/** Publishes an outcome: console table, report files, CI summaries. */
public interface GateReporter {

    /**
     * @param data the run's results, budgets and history, for the reports that draw them
     */
    void report(GateOutcome outcome, ReportData data, Optional<RunResults> baseline,
                Optional<Environment> environment) throws IOException;
}
