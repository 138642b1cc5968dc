package io.sabot.budget.core.fork;

import io.sabot.budget.core.model.JmhOptions;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds the command that runs {@code org.openjdk.jmh.Main} in a separate JVM. The classpath goes
 * into a Java {@code @argfile}: a benchmark module's test classpath easily exceeds the command-line
 * limits of some platforms, and the argfile keeps the printed command short enough to read.
 */
public final class JmhCommandLine {

    static final String JMH_MAIN = "org.openjdk.jmh.Main";
    static final String PREPEND = "-jvmArgsPrepend";

    private JmhCommandLine() {
    }

    /** The content of the argfile: the classpath, quoted as the java launcher expects. */
    public static String argFileContent(List<Path> classpath) {
        String joined = classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        return "-cp\n" + quote(joined) + "\n";
    }

    public static List<String> build(ForkSettings settings) {
        List<String> command = new ArrayList<>();
        command.add(settings.javaExecutable().toString());
        command.add("@" + settings.argFile());
        command.add(JMH_MAIN);
        command.addAll(settings.includes());
        for (String exclude : settings.excludes()) {
            command.add("-e");
            command.add(exclude);
        }
        JmhOptions jmh = settings.jmh();
        jmh.forks().ifPresent(f -> add(command, "-f", String.valueOf(f)));
        jmh.warmupIterations().ifPresent(n -> add(command, "-wi", String.valueOf(n)));
        jmh.warmupTime().ifPresent(t -> add(command, "-w", time(t)));
        jmh.measurementIterations().ifPresent(n -> add(command, "-i", String.valueOf(n)));
        jmh.measurementTime().ifPresent(t -> add(command, "-r", time(t)));
        for (String profiler : jmh.profilers().orElse(List.of())) {
            add(command, "-prof", profiler);
        }
        // JMH takes a command-line -jvmArgsAppend or -jvmArgs instead of a benchmark's own
        // @Fork(jvmArgsAppend/jvmArgs), so ours go first (-jvmArgsPrepend): the benchmark's arguments
        // still reach its forks, after ours, and win where both set the same flag.
        List<String> passedThrough = new ArrayList<>(settings.jmhArgs());
        String prepend = joinPrepend(jmh.jvmArgs(), takePrepend(passedThrough));
        if (!prepend.isEmpty()) {
            add(command, PREPEND, prepend);
        }
        // Fail on error: a benchmark that throws must fail the run, not vanish from the results.
        add(command, "-foe", "true");
        add(command, "-rf", "json");
        add(command, "-rff", settings.resultsFile().toString());
        command.addAll(passedThrough);
        return command;
    }

    /**
     * Removes every {@code -jvmArgsPrepend VALUE} from the pass-through arguments and returns the
     * values: JMH reads a second occurrence of the option as a list of unsplit values, so the user's
     * must be folded into the plugin's one.
     */
    private static List<String> takePrepend(List<String> passedThrough) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < passedThrough.size() - 1; i++) {
            if (PREPEND.equals(passedThrough.get(i))) {
                values.add(passedThrough.remove(i + 1));
                passedThrough.remove(i);
                i--;
            }
        }
        return values;
    }

    /** The budget's arguments first (JMH splits the value on spaces; ours never hold one), then the user's. */
    private static String joinPrepend(List<String> jvmArgs, List<String> usersValues) {
        List<String> parts = new ArrayList<>(jvmArgs);
        parts.addAll(usersValues);
        return String.join(" ", parts).strip();
    }

    /** JMH time values: "200ms", "1s", "500us". */
    static String time(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos % 1_000_000_000L == 0) {
            return nanos / 1_000_000_000L + "s";
        }
        if (nanos % 1_000_000L == 0) {
            return nanos / 1_000_000L + "ms";
        }
        if (nanos % 1_000L == 0) {
            return nanos / 1_000L + "us";
        }
        return nanos + "ns";
    }

    /** The command as a person can paste it into a shell. */
    public static String display(List<String> command) {
        return command.stream().map(ShellWords::quote).collect(Collectors.joining(" "));
    }

    private static void add(List<String> command, String option, String value) {
        command.add(option);
        command.add(value);
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
