package io.sabot.budget.core.fork;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Asks JMH which benchmarks a classpath holds that the includes/excludes select ({@code -l}), so a
 * paired run can pair the two sides benchmark by benchmark. JMH's own answer, not a parse of its
 * {@code BenchmarkList} format, which is internal to each JMH version.
 */
public final class BenchmarkLister {

    private static final long TIMEOUT_SECONDS = 120;

    private BenchmarkLister() {
    }

    /** The benchmark names (fully qualified, without @Param values) in JMH's order. */
    public static List<String> list(ForkSettings settings) throws ForkException, IOException {
        Files.createDirectories(settings.outputDirectory());
        Files.writeString(settings.argFile(), JmhCommandLine.argFileContent(settings.classpath()), StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>();
        command.add(settings.javaExecutable().toString());
        command.add("@" + settings.argFile());
        command.add(JmhCommandLine.JMH_MAIN);
        command.add("-l");
        command.addAll(settings.includes());
        for (String exclude : settings.excludes()) {
            command.add("-e");
            command.add(exclude);
        }
        Path log = settings.outputDirectory().resolve("list.log");
        Process process = new ProcessBuilder(command).directory(settings.workingDirectory().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        String shown = JmhCommandLine.display(command);
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new ForkException("Listing the benchmarks took more than " + TIMEOUT_SECONDS + " s", shown, -1,
                        tail(log), log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new ForkException("Interrupted while listing the benchmarks", shown, -1, tail(log), log);
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new ForkException("JMH could not list the benchmarks (exit code " + process.exitValue() + ")", shown,
                    process.exitValue(), tail(log), log);
        }
        List<String> names = new ArrayList<>();
        boolean listing = false;
        for (String line : lines) {
            if (line.startsWith("Benchmarks:")) {
                listing = true;
            } else if (listing && !line.isBlank() && !line.startsWith(" ")) {
                names.add(line.strip());
            }
        }
        return names;
    }

    private static List<String> tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return List.of();
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return lines.subList(Math.max(0, lines.size() - ForkRunner.TAIL_LINES), lines.size());
    }
}
