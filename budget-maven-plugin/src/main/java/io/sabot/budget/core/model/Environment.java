package io.sabot.budget.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a run was measured. Two runs are comparable only on the same hardware, OS, JDK and JMH; a
 * baseline from elsewhere is reported and its regression checks are downgraded to warnings.
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
        List<String> jvmArgs) {

    public Environment {
        jvmArgs = List.copyOf(jvmArgs);
    }

    /** The fields that make measurements comparable, each as "name: this vs other", empty when comparable. */
    public List<String> differencesFrom(Environment other) {
        List<String> differences = new ArrayList<>();
        compare(differences, "JDK", jdkVendor + " " + jdkVersion + " (" + vmName + ")",
                other.jdkVendor + " " + other.jdkVersion + " (" + other.vmName + ")");
        compare(differences, "OS", os + " " + arch, other.os + " " + other.arch);
        compare(differences, "CPU", cpuModel, other.cpuModel);
        compare(differences, "cores", String.valueOf(cores), String.valueOf(other.cores));
        compare(differences, "JMH", jmhVersion, other.jmhVersion);
        compare(differences, "JVM args", String.join(" ", jvmArgs), String.join(" ", other.jvmArgs));
        return differences;
    }

    private static void compare(List<String> out, String name, String mine, String theirs) {
        if (!Objects.equals(mine, theirs)) {
            out.add(name + ": " + mine + " vs " + theirs);
        }
    }

    public String summary() {
        return jdkVendor + " " + jdkVersion + ", " + os + " " + arch + ", " + cpuModel + " x" + cores + ", JMH " + jmhVersion;
    }
}
