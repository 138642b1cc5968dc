package io.sabot.budget.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a run was measured. Two runs are comparable only on the same hardware, OS, JDK and JMH; a
 * baseline from elsewhere is reported and its regression checks are downgraded to warnings. The
 * machine's measured speed ({@link MachineSpeed}) is not part of that: it is only reported.
 */
public record Environment(
        String jdkVendor,
        String jdkVersion,
        String vmName,
        String os,
        String arch,
        String cpuModel,
        int cores,
        String jmhVersion,
        List<String> jvmArgs,
        MachineSpeed speed) {

    public Environment {
        jvmArgs = List.copyOf(jvmArgs);
        Objects.requireNonNull(speed, "speed");
    }

    /** An environment whose speed was not measured (plain JMH results, baselines of older versions). */
    public Environment(String jdkVendor, String jdkVersion, String vmName, String os, String arch, String cpuModel, int cores,
                       String jmhVersion, List<String> jvmArgs) {
        this(jdkVendor, jdkVersion, vmName, os, arch, cpuModel, cores, jmhVersion, jvmArgs, MachineSpeed.UNKNOWN);
    }

    /**
     * Differences of the machine and runtime that make numbers incomparable (hardware, OS, JDK, JMH),
     * each as "name: this vs other"; empty when comparable. A field unknown on either side (a plain
     * JMH JSON file records no machine) is not compared. JVM arguments are left out on purpose: they
     * are part of the project's configuration, so a slowdown they cause is a regression to catch.
     */
    public List<String> differencesFrom(Environment other) {
        List<String> differences = new ArrayList<>();
        compare(differences, "JDK", jdkVersion, other.jdkVersion);
        compare(differences, "JDK vendor", jdkVendor, other.jdkVendor);
        compare(differences, "VM", vmName, other.vmName);
        compare(differences, "OS", os, other.os);
        compare(differences, "arch", arch, other.arch);
        compare(differences, "CPU", cpuModel, other.cpuModel);
        compare(differences, "cores", cores > 0 ? String.valueOf(cores) : "", other.cores > 0 ? String.valueOf(other.cores) : "");
        compare(differences, "JMH", jmhVersion, other.jmhVersion);
        return differences;
    }

    /** JVM arguments that differ: reported, not a reason to stop gating. */
    public java.util.Optional<String> jvmArgsDifference(Environment other) {
        if (jvmArgs.equals(other.jvmArgs)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("JVM args differ from the baseline's: [" + String.join(" ", jvmArgs) + "] vs ["
                + String.join(" ", other.jvmArgs) + "]");
    }

    /** What a plain JMH JSON file tells about where it ran: the JVM and JMH, not the machine. */
    public static Environment fromResults(RunResults run) {
        if (run.results().isEmpty()) {
            return new Environment("", "", "", "", "", "", 0, "", List.of());
        }
        BenchmarkResult first = run.results().get(0);
        return new Environment("", first.jdkVersion(), first.vmName(), "", "", "", 0, first.jmhVersion(), first.jvmArgs());
    }

    private static void compare(List<String> out, String name, String mine, String theirs) {
        if (mine == null || theirs == null || mine.isEmpty() || theirs.isEmpty()) {
            return;
        }
        if (!Objects.equals(mine, theirs)) {
            out.add(name + ": " + mine + " vs " + theirs);
        }
    }

    public String summary() {
        return jdkVendor + " " + jdkVersion + ", " + os + " " + arch + ", " + cpuModel + " x" + cores + ", JMH " + jmhVersion;
    }
}
