package io.sabot.budget.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a baseline cannot go, the error names the path; what a killed writer left is cleaned up. */
class BaselineWriterErrorsTest {

    @TempDir
    Path dir;

    private Path results;

    @BeforeEach
    void results() throws Exception {
        results = dir.resolve("results.json");
        KillTrialFiles.writeResults(results, 7, 3);
    }

    @Test
    void missingParentDirectoriesAreCreated() throws Exception {
        Path target = dir.resolve("fresh/src/perf/baseline.json");
        KillTrialFiles.store(target, results, "A");
        assertThat(ResultFiles.read(target).results()).hasSize(3);
    }

    @Test
    void theBaselineGetsTheModeOfAPlainNewFileNotOwnerOnly() throws Exception {
        assumeThat(java.nio.file.FileSystems.getDefault().supportedFileAttributeViews()).as("a POSIX file system")
                .contains("posix");
        Path target = dir.resolve("src/perf/baseline.json");
        KillTrialFiles.store(target, results, "A");

        Path plain = target.resolveSibling("plain");
        Files.newOutputStream(plain).close();
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void aParentThatIsAFileIsNamed() throws Exception {
        Files.writeString(dir.resolve("src"), "a file where a directory should be");
        Path target = dir.resolve("src/perf/baseline.json");
        assertThatThrownBy(() -> KillTrialFiles.store(target, results, "A"))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot create directory " + dir.resolve("src/perf") + " for the baseline: "
                        + dir.resolve("src") + " exists and is not a directory");
    }

    @Test
    void aTargetThatIsADirectoryIsNamed() throws Exception {
        Path target = dir.resolve("baseline.json");
        Files.createDirectories(target);
        assertThatThrownBy(() -> KillTrialFiles.store(target, results, "A"))
                .hasMessage("cannot write the baseline: " + target + " is a directory");
    }

    @Test
    void aReadOnlyDirectoryIsNamedAndKeepsTheOldBaseline() throws Exception {
        Path perf = dir.resolve("perf");
        Path target = perf.resolve("baseline.json");
        KillTrialFiles.store(target, results, "A");
        byte[] old = Files.readAllBytes(target);
        Files.setPosixFilePermissions(perf, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // Root ignores permission bits, so the fault cannot be produced there; say so rather than pass.
            assumeThat(Files.isWritable(perf))
                    .as("running as root (or on a file system without permissions): chmod 555 leaves %s writable", perf)
                    .isFalse();
            Path other = dir.resolve("results-b.json");
            KillTrialFiles.writeResults(other, 8, 3);
            assertThatThrownBy(() -> KillTrialFiles.store(target, other, "B"))
                    .hasMessage("cannot write the baseline: directory " + perf + " is not writable");
            assertThat(target).hasBinaryContent(old);
        } finally {
            Files.setPosixFilePermissions(perf, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void tempFilesOfDeadWritersAreRemovedAndThoseOfLiveWritersKept() throws Exception {
        Path perf = Files.createDirectories(dir.resolve("perf"));
        // A pid that belonged to a writer which has exited.
        Process dead = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).start();
        dead.getInputStream().readAllBytes();
        dead.waitFor();
        Path abandoned = perf.resolve(BaselineWriter.tempPrefix("baseline.json", dead.pid()) + "123" + BaselineWriter.TEMP_SUFFIX);
        Path live = perf.resolve(BaselineWriter.tempPrefix("baseline.json", ProcessHandle.current().pid()) + "456"
                + BaselineWriter.TEMP_SUFFIX);
        Path unrelated = perf.resolve(".other.json.1.2.tmp");
        for (Path p : new Path[] {abandoned, live, unrelated}) {
            Files.writeString(p, "{\"half\": ");
        }
        KillTrialFiles.store(perf.resolve("baseline.json"), results, "A");
        try (Stream<Path> files = Files.list(perf)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("baseline.json", live.getFileName().toString(), unrelated.getFileName().toString());
        }
    }
}
