package io.sabot.budget.core.gate;

import io.sabot.budget.core.model.Environment;
import io.sabot.budget.core.model.RunResults;
import java.io.IOException;
import java.util.Optional;

/** Publishes an outcome: console table, report files, CI summaries. */
public interface GateReporter {

    void report(GateOutcome outcome, RunResults current, Optional<RunResults> baseline,
                Optional<Environment> environment) throws IOException;
}
