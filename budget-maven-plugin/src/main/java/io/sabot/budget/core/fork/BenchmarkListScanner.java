package io.sabot.budget.core.fork;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds JMH's generated {@code META-INF/BenchmarkList} on a classpath. Without it JMH has nothing to
 * run, which almost always means the annotation processor did not run at compile time.
 */
public final class BenchmarkListScanner {

    static final String BENCHMARK_LIST = "META-INF/BenchmarkList";

    private BenchmarkListScanner() {
    }

    /** True when some classpath element holds a non-empty BenchmarkList. */
    public static boolean hasBenchmarks(List<Path> classpath) {
        for (Path element : classpath) {
            try {
                if (Files.isDirectory(element)) {
                    Path list = element.resolve(BENCHMARK_LIST);
                    if (Files.isRegularFile(list) && Files.size(list) > 0) {
                        return true;
                    }
                } else if (Files.isRegularFile(element) && element.toString().endsWith(".jar")) {
                    try (ZipFile jar = new ZipFile(element.toFile())) {
                        ZipEntry entry = jar.getEntry(BENCHMARK_LIST);
                        if (entry != null && entry.getSize() != 0) {
                            return true;
                        }
                    }
                }
            } catch (IOException e) {
                // An unreadable classpath element cannot hold our benchmarks; JMH will report it if it matters.
            }
        }
        return false;
    }

    public static String missingMessage(String project) {
        return "No JMH benchmarks found in " + project + ": no " + BENCHMARK_LIST + " on its test classpath."
                + " JMH generates it at compile time: add org.openjdk.jmh:jmh-generator-annprocess to the"
                + " maven-compiler-plugin <annotationProcessorPaths> and make sure the module has @Benchmark methods.";
    }
}
