package io.sabot.budget.harness;

import java.nio.file.Path;

/**
 * Command line of the harness: {@code --measure} (measure the pools, then analyze), {@code --resume}
 * (measure only the pools not yet complete, then analyze) or {@code --analyze} (analyze pools already measured), {@code --work=DIR} for the pools, {@code --output=FILE} for the report.
 */
record HarnessOptions(boolean measure, boolean resume, boolean analyze, Path work, Path output) {

    static HarnessOptions parse(String... args) {
        String mode = null;
        Path work = null;
        Path output = null;
        for (String arg : args) {
            if (arg.equals("--measure") || arg.equals("--resume") || arg.equals("--analyze")) {
                if (mode != null) {
                    throw new IllegalArgumentException("give one of --measure, --resume and --analyze, not " + mode + " and " + arg);
                }
                mode = arg;
            } else if (arg.startsWith("--work=")) {
                work = Path.of(arg.substring("--work=".length()));
            } else if (arg.startsWith("--output=")) {
                output = Path.of(arg.substring("--output=".length()));
            } else {
                throw new IllegalArgumentException("unknown argument '" + arg + "'; expected --measure, --resume or --analyze,"
                        + " --work=DIR and --output=FILE");
            }
        }
        if (mode == null) {
            throw new IllegalArgumentException("say --measure (run JMH, then analyze), --resume (measure the pools not yet complete)"
                    + " or --analyze (use pools already measured)");
        }
        if (work == null || output == null) {
            throw new IllegalArgumentException("--work=DIR (where pools are kept) and --output=FILE (the report) are required");
        }
        return new HarnessOptions(!mode.equals("--analyze"), mode.equals("--resume"), true, work, output);
    }
}
