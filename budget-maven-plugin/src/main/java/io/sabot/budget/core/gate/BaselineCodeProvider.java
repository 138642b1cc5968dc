package io.sabot.budget.core.gate;

import io.sabot.budget.core.fork.ForkListener;
import io.sabot.budget.core.paired.Against;
import io.sabot.budget.core.paired.BaselineCode;
import io.sabot.budget.core.paired.BaselineCodeException;
import java.util.Optional;

/**
 * Obtains the baseline code of a paired run. The front end implements it, because some sources need
 * the build tool (a jar resolved through Maven's resolver, the running Maven to build a git ref).
 */
public interface BaselineCodeProvider {

    /**
     * @param baselineCommit the commit recorded in the stored baseline file, for {@code git:baseline}
     */
    BaselineCode provide(Against against, Optional<String> baselineCommit, ForkListener listener) throws BaselineCodeException;
}
