package io.sabot.budget.core.model;

import java.util.Locale;

/**
 * How fast the machine ran two fixed pieces of work when a run was measured: a chain of dependent
 * 64-bit multiply-adds (CPU speed: clock, steal by other tenants) and a chase of dependent loads
 * through 32 MB (memory latency). Two virtual machines of one type report the same CPU model and
 * cores, yet one was measured to run the same JDK code up to twice as slow as the other; the model
 * string cannot tell them apart, these timings can. A machine found slower than at the baseline
 * is named in a note of the report (see {@code BudgetEvaluator}), with both timings; it changes no
 * threshold and no verdict. It once raised the regression thresholds by as much, but two probes
 * minutes apart on one machine differed by 2.4x, and a raised threshold let a +56% slowdown pass;
 * paired mode ({@code -Dbudget.against=git:...}) measures the baseline code beside the new instead.
 *
 * @param cpuNanosPerStep    nanoseconds per step of the multiply-add chain; 0 when not measured
 * @param memoryNanosPerLoad nanoseconds per load of the chase; 0 when not measured
 */
public record MachineSpeed(double cpuNanosPerStep, double memoryNanosPerLoad) {

    public static final MachineSpeed UNKNOWN = new MachineSpeed(0, 0);

    /**
     * Below this, a CPU timing that differs from the baseline's is taken for the probe's own noise
     * and not reported. On one idle machine the chain repeated within ±2.5% across six JVMs, but two
     * runs seconds apart in an integration build differed by 4%. The verdict-quality harness saw the
     * same VM run unchanged code 3 to 13% faster an hour later: drift below this floor goes unnamed
     * (docs/verdict-quality.md).
     */
    public static final double CPU_NOISE = 0.10;

    public MachineSpeed {
        if (!(cpuNanosPerStep >= 0) || !(memoryNanosPerLoad >= 0) || Double.isInfinite(cpuNanosPerStep)
                || Double.isInfinite(memoryNanosPerLoad)) {
            throw new IllegalArgumentException("machine speed timings must be finite and not negative, not "
                    + cpuNanosPerStep + " and " + memoryNanosPerLoad);
        }
    }

    /**
     * How much slower this machine ran the CPU chain than {@code baseline}'s: 1.38 for 38% slower;
     * 1 when it was not slower by more than {@link #CPU_NOISE}, or either side was not measured.
     * Only the CPU chain counts: the memory chase repeats within only about ±20% across JVMs on one
     * machine (155 to 225 ns per load in 14 JVMs), too loose to judge by.
     */
    public double slowdownFrom(MachineSpeed baseline) {
        if (cpuNanosPerStep == 0 || baseline.cpuNanosPerStep == 0) {
            return 1;
        }
        double ratio = cpuNanosPerStep / baseline.cpuNanosPerStep;
        return ratio > 1 + CPU_NOISE ? ratio : 1;
    }

    /** "CPU chain 2.83 vs 2.05 ns per step, memory chase 190 vs 175 ns per load" (this run vs the baseline). */
    public String comparedWith(MachineSpeed baseline) {
        return String.format(Locale.ROOT, "CPU chain %.3g vs %.3g ns per step, memory chase %.3g vs %.3g ns per load",
                cpuNanosPerStep, baseline.cpuNanosPerStep, memoryNanosPerLoad, baseline.memoryNanosPerLoad);
    }

    public boolean wasMeasured() {
        return cpuNanosPerStep > 0 || memoryNanosPerLoad > 0;
    }
}
