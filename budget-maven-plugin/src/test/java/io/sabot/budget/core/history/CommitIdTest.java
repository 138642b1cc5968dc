package io.sabot.budget.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommitIdTest {

    static final String SHA = "3f2c9a0e1b7d4c5a6e8f90123456789abcdef012";

    @TempDir
    Path dir;

    @Test
    void theCiVariableWinsGithubFirst() {
        assertThat(CommitId.resolve(Map.of("GITHUB_SHA", SHA, "CI_COMMIT_SHA", "aaaaaaaa"), dir)).contains(SHA);
        assertThat(CommitId.resolve(Map.of("CI_COMMIT_SHA", SHA.toUpperCase()), dir)).contains(SHA);
    }

    @Test
    void valuesThatAreNotObjectIdsAreIgnored() {
        assertThat(CommitId.resolve(Map.of("GITHUB_SHA", "$(rm -rf /)", "CI_COMMIT_SHA", "main"), dir)).isEmpty();
        assertThat(CommitId.valid("  " + SHA + "\n")).contains(SHA);
        assertThat(CommitId.valid("abc")).isEmpty();
        assertThat(CommitId.valid(SHA + "<script>")).isEmpty();
    }

    @Test
    void outsideARepositoryThereIsNoCommit() {
        assertThat(CommitId.resolve(Map.of(), dir)).isEmpty();
        assertThat(CommitId.resolve(Map.of(), dir.resolve("missing"))).isEmpty();
    }

    @Test
    void insideAGitRepositoryItIsHead() throws Exception {
        Assumptions.assumeTrue(git(dir, "--version") == 0, "git is not installed");
        assertThat(git(dir, "init", "-q")).isZero();
        Files.writeString(dir.resolve("a.txt"), "a");
        assertThat(git(dir, "add", "a.txt")).isZero();
        assertThat(git(dir, "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false",
                "commit", "-q", "-m", "one")).isZero();
        Process head = new ProcessBuilder("git", "rev-parse", "HEAD").directory(dir.toFile()).start();
        String expected = new String(head.getInputStream().readAllBytes()).strip();
        head.waitFor(30, TimeUnit.SECONDS);

        assertThat(CommitId.resolve(Map.of(), dir)).contains(expected);
    }

    private static int git(Path dir, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
