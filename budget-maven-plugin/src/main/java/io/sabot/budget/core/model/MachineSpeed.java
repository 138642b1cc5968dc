package io.sabot.budget.core.model;

import java.util.Locale;
import java.util.Optional;

/**
 * How fast the machine ran two fixed pieces of work when a run was measured: a chain of dependent
 * 64-bit multiply-adds (CPU speed: clock, steal by other tenants) and a chase of dependent loads
 * through 32 MB (memory latency). Two virtual machines of one type report the same CPU model and
 * cores, yet one was measured to run the same JDK code up to twice as slow as the other; the model
 * string cannot tell them apart, these timings can.
 *
 * @param cpuNanosPerStep    nanoseconds per step of the multiply-add chain; 0 when not measured
 * @param memoryNanosPerLoad nanoseconds per load of the chase; 0 when not measured
 */
public record MachineSpeed(double cpuNanosPerStep, double memoryNanosPerLoad) {

    public static final MachineSpeed UNKNOWN = new MachineSpeed(0, 0);

    /**
     * How far the CPU timings may differ before the numbers are not comparable: a machine 10% slower
     * than at the baseline would pass for a 10% regression, the default threshold. On one idle
     * machine the CPU chain repeats within a few percent from one JVM to the next.
     */
    public static final double CPU_TOLERANCE = 0.10;

    /**
     * The memory chase repeats far less well: 155 to 225 ns per load in 14 JVMs on one machine (the
     * physical pages a JVM gets differ), so only a gross difference says "another machine".
     */
    public static final double MEMORY_TOLERANCE = 0.50;

    public MachineSpeed {
        if (!(cpuNanosPerStep >= 0) || !(memoryNanosPerLoad >= 0) || Double.isInfinite(cpuNanosPerStep)
                || Double.isInfinite(memoryNanosPerLoad)) {
            throw new IllegalArgumentException("machine speed timings must be finite and not negative, not "
                    + cpuNanosPerStep + " and " + memoryNanosPerLoad);
        }
    }

    /**
     * What makes this machine's numbers incomparable with {@code baseline}'s, e.g. "machine speed: CPU
     * chain 1.52 vs 1.21 ns per step (26% slower)"; empty when both timings agree within
     * {@link #CPU_TOLERANCE} and {@link #MEMORY_TOLERANCE}, or one side was not measured.
     */
    public Optional<String> differenceFrom(MachineSpeed baseline) {
        StringBuilder out = new StringBuilder();
        append(out, "CPU chain", cpuNanosPerStep, baseline.cpuNanosPerStep, "step", CPU_TOLERANCE);
        append(out, "memory chase", memoryNanosPerLoad, baseline.memoryNanosPerLoad, "load", MEMORY_TOLERANCE);
        return out.isEmpty() ? Optional.empty() : Optional.of("machine speed: " + out);
    }

    private static void append(StringBuilder out, String name, double mine, double theirs, String per, double tolerance) {
        if (mine == 0 || theirs == 0) {
            return;
        }
        double ratio = mine / theirs;
        if (ratio <= 1 + tolerance && ratio >= 1 / (1 + tolerance)) {
            return;
        }
        if (!out.isEmpty()) {
            out.append(", ");
        }
        double change = ratio >= 1 ? ratio - 1 : 1 / ratio - 1;
        out.append(String.format(Locale.ROOT, "%s %.3g vs %.3g ns per %s (this machine %.0f%% %s)", name, mine, theirs, per,
                change * 100, ratio >= 1 ? "slower" : "faster"));
    }

    public boolean wasMeasured() {
        return cpuNanosPerStep > 0 || memoryNanosPerLoad > 0;
    }
}
