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

    static List<Setting> standard() {
        return List.of(
                across("A/A, baseline from another session", 0, "baseline-a", "baseline-b"),
                within("A/A, same session", "baseline-a", "baseline-b"),
                across("A/B +5%", 0.05, "baseline-a", "slower-05"),
                across("A/B +10%", 0.10, "baseline-a", "slower-10"),
                across("A/B +15%", 0.15, "baseline-a", "slower-15"),
                across("A/B +25%", 0.25, "baseline-a", "slower-25"));
    }
}
