package io.sabot.budget.harness;

import java.util.List;

/**
 * What a group of simulated builds compares: the baseline pool against the current pool, or (for A/A
 * in one session) each listed pool against itself. {@code injected} is the slowdown put into the code.
 */
record Setting(String name, double injected, String baselinePool, String currentPool, List<String> withinPools) {

    Setting {
        withinPools = List.copyOf(withinPools);
    }

    static Setting across(String name, double injected, String baselinePool, String currentPool) {
        return new Setting(name, injected, baselinePool, currentPool, List.of());
    }

    static Setting within(String name, String... pools) {
        return new Setting(name, 0, null, null, List.of(pools));
    }

    boolean isAa() {
        return injected == 0;
    }

    /**
     * A/B builds take their baseline from {@code baseline-b}, the unchanged code measured right after
     * the changed pools, so that the injected change is not mixed with the machine's drift over the
     * session (seen here: the same idle VM ran unchanged code 3 to 13% faster an hour later); that
     * drift is what the A/A row across sessions measures.
     */
    static List<Setting> standard() {
        return List.of(
                across("A/A, baseline from another session", 0, "baseline-a", "baseline-b"),
                within("A/A, same session", "baseline-a", "baseline-b"),
                across("A/B +5%", 0.05, "baseline-b", "slower-05"),
                across("A/B +10%", 0.10, "baseline-b", "slower-10"),
                across("A/B +15%", 0.15, "baseline-b", "slower-15"),
                across("A/B +25%", 0.25, "baseline-b", "slower-25"));
    }
}
