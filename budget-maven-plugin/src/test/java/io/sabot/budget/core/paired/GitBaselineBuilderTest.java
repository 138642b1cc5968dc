package io.sabot.budget.core.paired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds a git ref's baseline code in a real git repository with a stand-in for Maven (a script that
 * records its arguments and writes the classpath file as maven-dependency-plugin would), so the
 * export, the reuse, the clean-up after a kill and the errors are tested without a nested build.
 */
@DisabledOnOs(OS.WINDOWS)
class GitBaselineBuilderTest {

    @TempDir
    Path dir;

    private Path repo;
    private Path module;
    private Path fakeMaven;
    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void repository() throws Exception {
        repo = dir.resolve("repo");
        module = repo.resolve("bench");
        Files.createDirectories(module);
        Files.writeString(repo.resolve("pom.xml"), "<project>root v1</project>\n");
        Files.writeString(module.resolve("pom.xml"), "<project>bench v1</project>\n");
        git(repo, "init", "-q");
        git(repo, "-c", "user.email=t@example.com", "-c", "user.name=t", "add", ".");
        git(repo, "-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "-m", "v1");
        // Stands in for mvn: logs its arguments, checks it builds the exported tree, writes the module's classpath.
        fakeMaven = dir.resolve("mvn");
        Files.writeString(fakeMaven, """
                #!/bin/sh
                echo "$@" >> "%s"
                pom=""
                while [ $# -gt 0 ]; do
                  if [ "$1" = "-f" ]; then pom="$2"; fi
                  shift
                done
                root=$(dirname "$pom")
                grep -q v1 "$root/bench/pom.xml" || { echo "not the v1 tree"; exit 3; }
                mkdir -p "$root/bench/target/classes" "$root/bench/target/test-classes"
                printf '%%s' "/repo/dep.jar:$root/core/target/core.jar" > "$root/bench/target/budget-baseline-classpath.txt"
                """.formatted(dir.resolve("mvn-calls.log")), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(fakeMaven, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void git(Path directory, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("git %s: %s", String.join(" ", args), out).isZero();
    }

    private GitBaselineBuilder.Request request(String ref) {
        MavenLauncher maven = new MavenLauncher(fakeMaven, true, Optional.empty(), Optional.empty(),
                Optional.of(dir.resolve("m2")), "org.example:classpath-plugin:1.0");
        return new GitBaselineBuilder.Request(ref, "git:" + ref, module, repo, module.resolve("target/budget-baseline"), maven);
    }

    private BaselineCode build(String ref) throws BaselineCodeException {
        return new GitBaselineBuilder(Duration.ofMinutes(1)).build(request(ref), progress::add);
    }

    @Test
    void buildsTheModuleAtTheRefAndReusesTheBuildWhileTheCommitIsUnchanged() throws Exception {
        Files.writeString(module.resolve("pom.xml"), "<project>bench v2, not committed</project>\n");
        BaselineCode code = build("HEAD");

        assertThat(code.description()).startsWith("git:HEAD (commit ").endsWith(")");
        Path done = module.resolve("target/budget-baseline").resolve(code.description().replaceAll(".*commit (\\w+)\\)", "$1"));
        Path built = done.resolve("src/bench");
        assertThat(code.classpath()).containsExactly(built.resolve("target/test-classes"), built.resolve("target/classes"),
                Path.of("/repo/dep.jar"), done.resolve("src/core/target/core.jar"));
        String calls = Files.readString(dir.resolve("mvn-calls.log"));
        assertThat(calls).contains("-B -o").contains("-Dmaven.repo.local=" + dir.resolve("m2")).contains("-pl bench -am")
                .contains("-DskipTests").contains("-Dbudget.skip=true").contains("package org.example:classpath-plugin:1.0:build-classpath")
                .contains("-Dmdep.outputFile=target/budget-baseline-classpath.txt");
        // the user's working tree is untouched
        assertThat(Files.readString(module.resolve("pom.xml"))).contains("v2, not committed");

        BaselineCode again = build("HEAD");
        assertThat(again).isEqualTo(code);
        assertThat(Files.readAllLines(dir.resolve("mvn-calls.log"))).hasSize(1);
        assertThat(progress).anySatisfy(p -> assertThat(p).contains("reusing the build"));
    }

    @Test
    void theRemainsOfAKilledBuildAreRemovedAndNeverTakenForAComplete() throws Exception {
        Path work = module.resolve("target/budget-baseline");
        Path killed = work.resolve("0123456789ab.partial-42");
        Files.createDirectories(killed.resolve("src/bench/target"));
        Files.writeString(killed.resolve("classpath.txt.tmp"), "half");

        build("HEAD");
        assertThat(killed).doesNotExist();
        try (var entries = Files.list(work)) {
            assertThat(entries.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".partial-"));
        }
    }

    @Test
    void aFailedBuildNamesTheCommandTheExitCodeAndTheLogTail() throws Exception {
        Files.writeString(fakeMaven, "#!/bin/sh\necho 'COMPILATION ERROR in Bench.java'\nexit 1\n");
        assertThatThrownBy(() -> build("HEAD")).isInstanceOf(BaselineCodeException.class)
                .hasMessageContaining("Building the baseline code git:HEAD (commit").hasMessageContaining("exit code 1")
                .hasMessageContaining("COMPILATION ERROR in Bench.java").hasMessageContaining("Command: " + fakeMaven)
                .matches(e -> !((BaselineCodeException) e).historyMissing());
    }

    @Test
    void anUnknownRefIsAnErrorNamingIt() {
        assertThatThrownBy(() -> build("orgin/main")).isInstanceOf(BaselineCodeException.class)
                .hasMessageContaining("'orgin/main'").hasMessageContaining("git fetch origin orgin/main")
                .matches(e -> !((BaselineCodeException) e).historyMissing());
    }

    @Test
    void noRepositoryMeansNoHistory() throws Exception {
        Path plain = dir.resolve("plain/bench");
        Files.createDirectories(plain);
        GitBaselineBuilder.Request r = request("HEAD");
        GitBaselineBuilder.Request outside = new GitBaselineBuilder.Request("HEAD", "git:HEAD", plain, plain.getParent(),
                plain.resolve("target/budget-baseline"), r.maven());
        assertThatThrownBy(() -> new GitBaselineBuilder(Duration.ofMinutes(1)).build(outside, progress::add))
                .isInstanceOf(BaselineCodeException.class).hasMessageContaining("No git history")
                .matches(e -> ((BaselineCodeException) e).historyMissing());
    }

    @Test
    void aShallowCloneWithoutTheCommitMeansNoHistory() throws Exception {
        git(repo, "-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "--allow-empty", "-m", "v2");
        Path clone = dir.resolve("clone");
        git(dir, "clone", "-q", "--depth", "1", "file://" + repo, clone.toString());
        GitBaselineBuilder.Request r = request("HEAD~1");
        GitBaselineBuilder.Request shallow = new GitBaselineBuilder.Request("HEAD~1", "git:HEAD~1", clone.resolve("bench"), clone,
                clone.resolve("bench/target/budget-baseline"), r.maven());
        assertThatThrownBy(() -> new GitBaselineBuilder(Duration.ofMinutes(1)).build(shallow, progress::add))
                .isInstanceOf(BaselineCodeException.class).hasMessageContaining("shallow").hasMessageContaining("--unshallow")
                .matches(e -> ((BaselineCodeException) e).historyMissing());
    }

    @Test
    void aModuleThatDidNotExistAtTheRefIsAnError() throws Exception {
        Path later = repo.resolve("later");
        Files.createDirectories(later);
        Files.writeString(later.resolve("pom.xml"), "<project>later</project>\n");
        GitBaselineBuilder.Request r = request("HEAD");
        GitBaselineBuilder.Request missing = new GitBaselineBuilder.Request("HEAD", "git:HEAD", later, repo,
                later.resolve("target/budget-baseline"), r.maven());
        assertThatThrownBy(() -> new GitBaselineBuilder(Duration.ofMinutes(1)).build(missing, progress::add))
                .hasMessageContaining("later/pom.xml").hasMessageContaining("did not exist at that commit");
    }
}
