package io.sabot.budget.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Under what conditions the pools were measured: when, on what machine and JDK, how loaded the
 * machine was around each pool, and the measured per-fork overhead (JVM start and JMH setup).
 */
record Conditions(Instant start, Instant end, String cpu, int cores, String jdk, String os, List<PoolLine> pools,
                  double overheadSecondsPerFork) {

    record PoolLine(String name, String slowdown, Instant start, double wallSeconds, String loadBefore, String loadAfter) {
    }

    Conditions {
        pools = List.copyOf(pools);
    }

    static Conditions of(List<PoolMeasurement> measured) {
        if (measured.isEmpty()) {
            throw new IllegalArgumentException("no pools measured");
        }
        Instant start = measured.stream().map(PoolMeasurement::start).min(Comparator.naturalOrder()).orElseThrow();
        Instant end = measured.stream().map(PoolMeasurement::end).max(Comparator.naturalOrder()).orElseThrow();
        double overhead = measured.stream().mapToDouble(PoolMeasurement::overheadSecondsPerFork).average().orElseThrow();
        List<PoolLine> lines = measured.stream()
                .map(m -> new PoolLine(m.pool().name(), m.pool().slowdownLabel(), m.start(), m.wallSeconds(), m.loadBefore(), m.loadAfter()))
                .toList();
        return new Conditions(start, end, cpuModel(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                lines, overhead);
    }

    Duration span() {
        return Duration.between(start, end);
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return "unknown CPU";
        }
    }
}
