package io.sabot.budget.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Problems collected apart (a check on another thread) read as if found in one pass, in order. */
class ProblemsTest {

    @Test
    void addAllAppendsTheLaterProblemsAfterThese() {
        Problems first = new Problems();
        first.add("a");
        first.unmatched("x", "budget x matches nothing");
        Problems later = new Problems();
        later.add("b");
        first.addAll(later);
        assertThat(first.list()).containsExactly("a", "budget x matches nothing", "b");
    }

    @Test
    void aSubsetRunNamesEachSkippedBudgetOnce() {
        Problems first = new Problems(true);
        first.unmatched("x", "x");
        Problems later = new Problems(true);
        later.unmatched("x", "x");
        later.unmatched("y", "y");
        first.addAll(later);
        assertThat(first.isEmpty()).isTrue();
        assertThat(first.skipped()).containsExactly(
                "2 budget(s) not evaluated, their benchmarks filtered out by includes/excludes: x, y");
    }
}
