package io.sabot.budget.core.fork;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.sabot.budget.core.model.BenchmarkUnit;

/**
 * Asks JMH which benchmarks a classpath holds that the includes/excludes select ({@code -l}), so a
 * paired run can pair the two sides benchmark by benchmark, and a sharded run can split the suite. JMH's own answer, not a parse of its
 * {@code BenchmarkList} format, which is internal to each JMH version.
 */
public final class BenchmarkLister {

    private static final long TIMEOUT_SECONDS = 120;
    private static final Pattern PARAM = Pattern.compile("\\s+param \"(.*)\" = \\{(.*)}");

    private BenchmarkLister() {
    }

    /** The benchmark names (fully qualified, without @Param values) in JMH's order. */
    public static List<String> list(ForkSettings settings) throws ForkException, IOException {
        List<String> names = new ArrayList<>();
        boolean listing = false;
        for (String line : output(settings, "-l")) {
            if (line.startsWith("Benchmarks:")) {
                listing = true;
            } else if (listing && !line.isBlank() && !line.startsWith(" ")) {
                names.add(line.strip());
            }
        }
        return names;
    }

    /**
     * Every unit the settings select: each benchmark at each combination of its {@code @Param} values
     * ({@code -lp}: the annotations' values; those of a {@code -p} in jmhArgs are what JMH then runs).
     */
    public static List<BenchmarkUnit> listUnits(ForkSettings settings) throws ForkException, IOException {
        return units(output(settings, "-lp"));
    }

    /** Parses {@code -lp}: a name per line, then lines {@code   param "size" = {10, 100}}. */
    static List<BenchmarkUnit> units(List<String> lines) {
        List<BenchmarkUnit> units = new ArrayList<>();
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
            if (line.startsWith(" ") && param.matches() && name != null) {
                params.put(param.group(1), List.of(param.group(2).split(", ", -1)));
            } else if (!line.startsWith(" ")) {
                if (name != null) {
                    units.addAll(combinations(name, params));
                }
                name = line.strip();
                params = new LinkedHashMap<>();
            }
        }
        if (name != null) {
            units.addAll(combinations(name, params));
        }
        return units;
    }

    private static List<BenchmarkUnit> combinations(String name, Map<String, List<String>> params) {
        List<Map<String, String>> combinations = new ArrayList<>();
        combinations.add(new TreeMap<>());
        for (Map.Entry<String, List<String>> p : params.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> c : combinations) {
                for (String value : p.getValue()) {
                    Map<String, String> more = new TreeMap<>(c);
                    more.put(p.getKey(), value);
                    next.add(more);
                }
            }
            combinations = next;
        }
        return combinations.stream().map(c -> new BenchmarkUnit(name, c)).toList();
    }

    private static List<String> output(ForkSettings settings, String flag) throws ForkException, IOException {
        Files.createDirectories(settings.outputDirectory());
        Files.writeString(settings.argFile(), JmhCommandLine.argFileContent(settings.classpath()), StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>();
        command.add(settings.javaExecutable().toString());
        command.add("@" + settings.argFile());
        command.add(JmhCommandLine.JMH_MAIN);
        command.add(flag);
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
        return lines;
    }

    private static List<String> tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return List.of();
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return lines.subList(Math.max(0, lines.size() - ForkRunner.TAIL_LINES), lines.size());
    }
}
