package io.sabot.budget.core.fork;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks JMH which benchmarks a classpath holds that the includes/excludes select, with their
 * {@code @Param} values ({@code -lp}), so a paired run can pair the two sides benchmark by benchmark
 * and combination by combination. JMH's own answer, not a parse of its {@code BenchmarkList} format,
 * which is internal to each JMH version.
 */
public final class BenchmarkLister {

    private static final long TIMEOUT_SECONDS = 120;

    private BenchmarkLister() {
    }

    /** {@code   param "size" = {10, 1000}}: one parameter of the benchmark listed above it. */
    private static final Pattern PARAM = Pattern.compile("^\\s+param \"(.+)\" = \\{(.*)}\\s*$");

    /** The benchmarks (fully qualified names, with their @Param values) in JMH's order. */
    public static List<ListedBenchmark> list(ForkSettings settings) throws ForkException, IOException {
        Files.createDirectories(settings.outputDirectory());
        Files.writeString(settings.argFile(), JmhCommandLine.argFileContent(settings.classpath()), StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>();
        command.add(settings.javaExecutable().toString());
        command.add("@" + settings.argFile());
        command.add(JmhCommandLine.JMH_MAIN);
        command.add("-lp");
        command.addAll(settings.includes());
        for (String exclude : settings.excludes()) {
            command.add("-e");
            command.add(exclude);
        }
        Path log = settings.outputDirectory().resolve("list.log");
        Process process = new ProcessBuilder(command).directory(settings.workingDirectory().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        String shown = JmhCommandLine.display(command);
        ChildProcesses.started(process);
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                ChildProcesses.killTree(process);
                throw new ForkException("Listing the benchmarks took more than " + TIMEOUT_SECONDS + " s", shown, -1,
                        tail(log), log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ChildProcesses.killTree(process);
            throw new ForkException("Interrupted while listing the benchmarks", shown, -1, tail(log), log);
        } finally {
            ChildProcesses.finished(process);
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new ForkException("JMH could not list the benchmarks (exit code " + process.exitValue() + ")", shown,
                    process.exitValue(), tail(log), log);
        }
        return parse(lines);
    }

    /** JMH's {@code -lp} output: a name per line, each followed by its indented {@code param} lines. */
    static List<ListedBenchmark> parse(List<String> lines) {
        List<ListedBenchmark> listed = new ArrayList<>();
        String name = null;
        Map<String, List<String>> params = new LinkedHashMap<>();
        boolean listing = false;
        for (String line : lines) {
            if (line.startsWith("Benchmarks:")) {
                listing = true;
                continue;
            }
            if (!listing || line.isBlank()) {
                continue;
            }
            Matcher param = PARAM.matcher(line);
            if (!line.startsWith(" ")) {
                if (name != null) {
                    listed.add(new ListedBenchmark(name, params));
                }
                name = line.strip();
                params = new LinkedHashMap<>();
            } else if (name != null && param.matches()) {
                // JMH joins the values with ", "; a value holding ", " itself cannot be told apart (nor pinned).
                params.put(param.group(1), List.of(param.group(2).split(", ", -1)));
            }
        }
        if (name != null) {
            listed.add(new ListedBenchmark(name, params));
        }
        return listed;
    }

    private static List<String> tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return List.of();
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return lines.subList(Math.max(0, lines.size() - ForkRunner.TAIL_LINES), lines.size());
    }
}
