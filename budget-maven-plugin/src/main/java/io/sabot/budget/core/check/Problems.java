package io.sabot.budget.core.check;

import java.util.ArrayList;
import java.util.List;

/**
 * Configuration problems found while checking (a budget that matches nothing, a unit that does not
 * fit the benchmark, a metric the run did not record). They are not verdicts: the build stops with
 * all of them listed, because a budget that cannot be evaluated must never pass silently.
 */
public final class Problems {

    private final List<String> messages = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private final boolean subsetRun;

    public Problems() {
        this(false);
    }

    /** @param subsetRun the run was filtered by includes/excludes: a budget matching nothing was filtered out, not mistyped */
    public Problems(boolean subsetRun) {
        this.subsetRun = subsetRun;
    }

    /** A budget that matched no result: a problem in a full run, a note when the run was filtered on purpose. */
    public void unmatched(String budgetId, String message) {
        if (subsetRun) {
            if (!skipped.contains(budgetId)) {
                skipped.add(budgetId);
            }
        } else {
            messages.add(message);
        }
    }

    /** One note naming every budget a filtered run left out (a line per budget would bury the rest). */
    public List<String> skipped() {
        return skipped.isEmpty() ? List.of()
                : List.of(skipped.size() + " budget(s) not evaluated, their benchmarks filtered out by includes/excludes: "
                        + String.join(", ", skipped));
    }

    /** Appends the problems {@code later} collected, as if they had been found here after these. */
    public void addAll(Problems later) {
        messages.addAll(later.messages);
        for (String budgetId : later.skipped) {
            if (!skipped.contains(budgetId)) {
                skipped.add(budgetId);
            }
        }
    }

    public void add(String message) {
        messages.add(message);
    }

    public List<String> list() {
        return List.copyOf(messages);
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }
}
