package io.sabot.budget.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Command line of the harness. Stored-baseline simulation: {@code --measure} (measure the pools, then
 * analyze), {@code --resume} (measure only the pools not yet complete, then analyze) or
 * {@code --analyze} (analyze pools already measured). Real builds: {@code --paired} (run a session of
 * paired and stored-baseline builds, {@code --plan=...} to choose them, then report every session
 * recorded so far; {@code --stored-baseline=FILE} judges the stored builds against a baseline an
 * earlier session recorded instead of one recorded at this session's start) or {@code --paired-analyze}
 * (report the recorded builds without measuring) or {@code --paired-replay} (re-judge the recorded builds'
 * forks with the statistics as they are now, {@link PairedReplay}).
 * Always {@code --work=DIR} for the measurements and {@code --output=FILE} for the report. The real builds'
 * records go to {@code --records=FILE} (default {@code DIR/paired/builds.jsonl}; the other modes ignore it);
 * the project keeps them under {@code docs/} so that sessions of different days add up and the report can be checked. An argument
 * holding spaces is split, so Maven's single {@code verdictQuality.args} can carry several.
 */
record HarnessOptions(boolean measure, boolean resume, boolean analyze, boolean paired, boolean replay, Optional<String> plan,
                      Optional<Path> storedBaseline, Path work, Path output, Path records) {

    private static final List<String> MODES = List.of("--measure", "--resume", "--analyze", "--paired", "--paired-analyze",
            "--paired-replay");

    static HarnessOptions parse(String... args) {
        List<String> words = new ArrayList<>();
        for (String arg : args) {
            for (String word : arg.trim().split("\\s+")) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        String mode = null;
        Path work = null;
        Path output = null;
        String plan = null;
        Path storedBaseline = null;
        Path records = null;
        for (String arg : words) {
            if (MODES.contains(arg)) {
                if (mode != null) {
                    throw new IllegalArgumentException("give one of " + String.join(", ", MODES) + ", not " + mode + " and " + arg);
                }
                mode = arg;
            } else if (arg.startsWith("--work=")) {
                work = Path.of(arg.substring("--work=".length()));
            } else if (arg.startsWith("--output=")) {
                output = Path.of(arg.substring("--output=".length()));
            } else if (arg.startsWith("--records=")) {
                records = Path.of(arg.substring("--records=".length()));
            } else if (arg.startsWith("--stored-baseline=")) {
                storedBaseline = Path.of(arg.substring("--stored-baseline=".length()));
            } else if (arg.startsWith("--plan=")) {
                plan = arg.substring("--plan=".length());
                PairedPlan.parse(plan); // fail now, not after an hour of measurement
            } else {
                throw new IllegalArgumentException("unknown argument '" + arg + "'; expected --measure, --resume, --analyze,"
                        + " --paired [--plan=...] [--stored-baseline=FILE], --paired-analyze or --paired-replay, --work=DIR and --output=FILE,"
                        + " [--records=FILE]");
            }
        }
        if (mode == null) {
            throw new IllegalArgumentException("say --measure (run JMH, then analyze), --resume (measure the pools not yet complete),"
                    + " --analyze (use pools already measured), --paired (run real paired and stored-baseline builds)"
                    + ", --paired-analyze (report the real builds recorded) or --paired-replay (re-judge their forks with"
                    + " today's statistics)");
        }
        if (work == null || output == null) {
            throw new IllegalArgumentException("--work=DIR (where measurements are kept) and --output=FILE (the report) are required");
        }
        boolean paired = mode.startsWith("--paired");
        if (plan != null && !mode.equals("--paired")) {
            throw new IllegalArgumentException("--plan=... chooses the builds of --paired; it means nothing with " + mode);
        }
        if (storedBaseline != null && !mode.equals("--paired")) {
            throw new IllegalArgumentException("--stored-baseline=FILE gives the stored builds of --paired their baseline; it means"
                    + " nothing with " + mode);
        }
        boolean measure = mode.equals("--measure") || mode.equals("--resume") || mode.equals("--paired");
        return new HarnessOptions(measure, mode.equals("--resume"), true, paired, mode.equals("--paired-replay"), Optional.ofNullable(plan),
                Optional.ofNullable(storedBaseline), work, output,
                records != null ? records : work.resolve("paired").resolve(PairedSession.RECORDS));
    }

    PairedPlan pairedPlan() {
        return PairedPlan.parse(plan.orElse(PairedPlan.DEFAULT));
    }
}
