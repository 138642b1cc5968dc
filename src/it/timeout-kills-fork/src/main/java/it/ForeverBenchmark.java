package it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Never returns, and first starts a child process of its own (as a benchmark of a server or a
 * database might) that writes its pid to target/child.pid, so the build can check that the timeout
 * killed the whole tree: Maven -> JMH -> benchmark JVM -> child.
 */
@State(Scope.Benchmark)
public class ForeverBenchmark {

    static volatile boolean stop;

    @Setup(Level.Trial)
    public void startChild() throws IOException, InterruptedException {
        Path pidFile = Path.of(System.getProperty("user.dir"), "target", "child.pid");
        new ProcessBuilder("sh", "-c", "echo $$ > '" + pidFile + "'; exec sleep 600").inheritIO().start();
        while (!Files.exists(pidFile) || Files.size(pidFile) == 0) {
            Thread.sleep(20);
        }
        System.out.println("child process started, pid " + Files.readString(pidFile).trim());
    }

    @Benchmark
    public long spin() {
        long n = 0;
        while (!stop) {
            n++;
        }
        return n;
    }
}
