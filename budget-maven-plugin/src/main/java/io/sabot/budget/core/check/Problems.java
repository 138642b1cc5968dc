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
