package io.sabot.budget.harness;

import java.util.ArrayList;
import java.util.List;

/**
 * Which fork groups one simulated build uses: the baseline group (from the baseline pool), the
 * current group (from the current pool) and the group a confirmation rerun would measure (from the
 * current pool, after the current group). The three never share a fork.
 */
record BuildDraw(int baselineGroup, int currentGroup, int confirmationGroup) {

    /**
     * Baseline and current from different pools (the baseline measured earlier): every baseline group
     * with every current group; the confirmation is the current group's successor, wrapping to the
     * pool's first group after the last.
     */
    static List<BuildDraw> acrossPools(int baselineGroups, int currentGroups) {
        if (currentGroups < 2) {
            throw new IllegalArgumentException("a confirmation needs a second group in the current pool, which has only "
                    + currentGroups);
        }
        List<BuildDraw> draws = new ArrayList<>();
        for (int b = 0; b < baselineGroups; b++) {
            for (int c = 0; c < currentGroups; c++) {
                draws.add(new BuildDraw(b, c, (c + 1) % currentGroups));
            }
        }
        return draws;
    }

    /**
     * Baseline and current from one pool (an A/A build in the same session): every pair of groups with
     * the baseline earlier; the confirmation is the next group after the current one that is neither,
     * wrapping around. Needs three groups.
     */
    static List<BuildDraw> withinPool(int groups) {
        if (groups < 3) {
            return List.of();
        }
        List<BuildDraw> draws = new ArrayList<>();
        for (int b = 0; b < groups; b++) {
            for (int c = b + 1; c < groups; c++) {
                int confirmation = (c + 1) % groups;
                if (confirmation == b) {
                    confirmation = (confirmation + 1) % groups;
                }
                draws.add(new BuildDraw(b, c, confirmation));
            }
        }
        return draws;
    }
}
