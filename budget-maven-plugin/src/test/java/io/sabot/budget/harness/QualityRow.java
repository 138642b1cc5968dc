package io.sabot.budget.harness;

/**
 * The measured quality of one build kind in one setting.
 *
 * @param builds            simulated builds judged
 * @param independentBuilds builds that share no fork with each other (the rest reuse groups)
 * @param measuredSlowdown  median slowdown of the whole current pool against the whole baseline pool
 * @param meanRerunSeconds  confirmation time per build, averaged over all builds
 */
record QualityRow(Setting setting, BuildSettings build, int builds, int independentBuilds, VerdictTally pluginFirstRun,
                  VerdictTally pluginConfirmed, VerdictTally naive, double measuredSlowdown, double secondsPerBuild,
                  double meanRerunSeconds) {
}
