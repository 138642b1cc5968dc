package io.sabot.budget.core.io;

import io.sabot.budget.core.model.SourceLocation;
import java.util.List;
import java.util.stream.Collectors;

/** A budget file that cannot be used, with every problem found and where it is. */
public final class BudgetFileException extends Exception {

    private final List<Problem> problems;

    public BudgetFileException(List<Problem> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    static BudgetFileException single(SourceLocation where, String message) {
        return new BudgetFileException(List.of(new Problem(where, message)));
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String render(List<Problem> problems) {
        if (problems.size() == 1) {
            return problems.get(0).toString();
        }
        return problems.size() + " problems in budget file:\n" + problems.stream()
                .map(p -> "  " + p).collect(Collectors.joining("\n"));
    }

    /** One error: "performance-budgets.yml:12:5: unknown key 'maxx'; did you mean 'max'?". */
    public record Problem(SourceLocation location, String message) {
        @Override
        public String toString() {
            return location + ": " + message;
        }
    }
}
