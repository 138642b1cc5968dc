package io.sabot.budget.core.io;

import io.sabot.budget.core.model.BenchmarkResult;
import io.sabot.budget.core.model.Environment;
import io.sabot.budget.core.model.MachineSpeed;
import io.sabot.budget.core.model.RunResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * Builds the environment fingerprint of a run: the JDK, JMH and JVM arguments as the forked JVM
 * reported them in the results, and the OS, CPU and speed ({@link MachineSpeedProbe}) of the machine
 * this runs on, taken right after the benchmarks ran.
 */
public final class EnvironmentProbe {

    private EnvironmentProbe() {
    }

    public static Environment of(RunResults run, Path javaHome) {
        return of(run, javaHome, MachineSpeedProbe.measure());
    }

    /**
     * The fingerprint of results measured earlier (budget:compare): the machine's speed now says nothing
     * about when they ran, so it is left unknown, and the half second the probe takes is saved.
     */
    public static Environment withoutSpeed(RunResults run, Path javaHome) {
        return of(run, javaHome, MachineSpeed.UNKNOWN);
    }

    private static Environment of(RunResults run, Path javaHome, MachineSpeed speed) {
        BenchmarkResult first = run.results().isEmpty() ? null : run.results().get(0);
        String jdkVersion = first == null ? System.getProperty("java.version") : first.jdkVersion();
        String vmName = first == null ? System.getProperty("java.vm.name") : first.vmName();
        String jmh = first == null ? "" : first.jmhVersion();
        List<String> jvmArgs = first == null ? List.of() : first.jvmArgs();
        return new Environment(vendor(javaHome), jdkVersion, vmName, System.getProperty("os.name"),
                System.getProperty("os.arch"), cpuModel(), Runtime.getRuntime().availableProcessors(), jmh, jvmArgs,
                speed);
    }

    /** IMPLEMENTOR from the JDK's release file, falling back to this JVM's vendor. */
    static String vendor(Path javaHome) {
        if (javaHome != null) {
            Path release = javaHome.resolve("release");
            if (Files.isRegularFile(release)) {
                Properties p = new Properties();
                try (var in = Files.newBufferedReader(release)) {
                    p.load(in);
                    String implementor = p.getProperty("IMPLEMENTOR");
                    if (implementor != null) {
                        return implementor.replace("\"", "");
                    }
                } catch (IOException | IllegalArgumentException ignored) {
                    // unreadable, or a malformed \\u escape in the release file of -Dbudget.jvm: this JVM's vendor
                }
            }
        }
        return System.getProperty("java.vendor");
    }

    static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try (var lines = Files.lines(cpuinfo)) {
                return lines.filter(l -> l.startsWith("model name"))
                        .map(l -> l.substring(l.indexOf(':') + 1).trim())
                        .findFirst().orElse(System.getProperty("os.arch"));
            } catch (IOException | java.io.UncheckedIOException ignored) {
                // fall through
            }
        }
        return System.getProperty("os.arch");
    }
}
