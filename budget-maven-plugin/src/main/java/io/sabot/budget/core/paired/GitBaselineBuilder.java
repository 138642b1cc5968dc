package io.sabot.budget.core.paired;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Builds the benchmark module as it was at a git ref, for the baseline side of a paired run.
 *
 * <p>The commit's tree is exported with {@code git archive} into {@code <work>/<commit>/} (under the
 * module's {@code target/}), never into the user's working tree and without touching the
 * repository's own state (no worktree entries, no index, no refs). The module and the reactor
 * modules it depends on are built there with the running Maven installation ({@code package},
 * tests, invoker and the gate skipped, offline when this build is), and the module's test classpath
 * is written by the goal {@link MavenLauncher#classpathGoal} names. A build that completed is reused while the commit is
 * unchanged; one that was killed half-way is left in a {@code .partial-*} directory, which the next
 * build deletes before it starts, so a kill never leaves a tree that looks complete.
 */
public final class GitBaselineBuilder {

    static final String CLASSPATH_FILE = "classpath.txt";
    static final String MODULE_CLASSPATH = "target/budget-baseline-classpath.txt";
    private static final Duration GIT_TIMEOUT = Duration.ofMinutes(2);

    private final Duration buildTimeout;

    public GitBaselineBuilder(Duration buildTimeout) {
        this.buildTimeout = buildTimeout;
    }

    /** What to build: the ref, the module (its directory) and the reactor it is built in. */
    public record Request(String ref, String shownAs, Path moduleDirectory, Path reactorRoot, Path workDirectory,
                          MavenLauncher maven) {
    }

    /**
     * @throws BaselineCodeException naming the ref and the fix; {@link BaselineCodeException#historyMissing()}
     *                               when there is no repository or the clone is too shallow to have the commit
     */
    public BaselineCode build(Request request, Consumer<String> progress) throws BaselineCodeException {
        Path module = real(request.moduleDirectory());
        Path top = Path.of(git(module, "the git repository of " + module, true, "rev-parse", "--show-toplevel").strip());
        String commit = resolve(top, request.ref(), request.shownAs());
        Path reactor = real(request.reactorRoot());
        if (!module.startsWith(reactor) || !reactor.startsWith(real(top))) {
            throw new BaselineCodeException("Cannot build " + request.shownAs() + ": the module " + module + " is not inside the"
                    + " reactor " + reactor + " within the git repository " + top);
        }
        String reactorPath = real(top).relativize(reactor).toString();
        String modulePath = reactor.relativize(module).toString();
        String description = request.shownAs() + " (commit " + commit.substring(0, 12) + ")";
        Path done = request.workDirectory().resolve(commit.substring(0, 12));
        Path classpathFile = done.resolve(CLASSPATH_FILE);
        if (Files.isRegularFile(classpathFile)) {
            progress.accept("Baseline code " + description + ": reusing the build in " + done);
            return new BaselineCode(description, readClasspath(classpathFile));
        }
        try {
            Files.createDirectories(request.workDirectory());
            deleteLeftovers(request.workDirectory());
            Path partial = Files.createTempDirectory(request.workDirectory(), commit.substring(0, 12) + ".partial-");
            Path tree = partial.resolve("src");
            Files.createDirectories(tree);
            Path log = partial.resolve("build.log");
            progress.accept("Baseline code " + description + ": exporting the tree and building " + (modulePath.isEmpty()
                    ? "the project" : modulePath + " and the modules it needs") + " (log: " + done.resolve("build.log") + ")");
            Path tar = partial.resolve("tree.tar");
            git(top, request.shownAs(), false, "archive", "--format=tar", "-o", tar.toString(), commit);
            run(List.of("tar", "-xf", tar.toString(), "-C", tree.toString()), partial, "extracting " + request.shownAs(), log);
            Files.delete(tar);
            Path builtModule = tree.resolve(reactorPath).resolve(modulePath);
            Path reactorPom = tree.resolve(reactorPath).resolve("pom.xml");
            if (!Files.isRegularFile(builtModule.resolve("pom.xml")) || !Files.isRegularFile(reactorPom)) {
                throw new BaselineCodeException("Cannot build " + description + ": " + top.relativize(module.resolve("pom.xml"))
                        + " or " + top.relativize(reactor.resolve("pom.xml")) + " did not exist at that commit, so there is no"
                        + " baseline code to measure. Pick a later ref (-Dbudget.against=git:<ref>), or compare with the"
                        + " stored baseline (-Dbudget.against=baseline)");
            }
            List<String> command = new ArrayList<>(request.maven().command());
            command.addAll(List.of("-f", reactorPom.toString()));
            if (!modulePath.isEmpty()) {
                command.addAll(List.of("-pl", modulePath, "-am"));
            }
            command.addAll(List.of("-DskipTests", "-Dinvoker.skip=true", "-Dbudget.skip=true", "-Dmaven.javadoc.skip=true",
                    "-Dgpg.skip=true", "package"));
            command.addAll(request.maven().classpathGoal(MODULE_CLASSPATH));
            Commands.Result result = runCommand(command, tree, log);
            if (!result.ok()) {
                throw new BaselineCodeException("Building the baseline code " + description + " failed (exit code "
                        + result.exit() + ").\nCommand: " + String.join(" ", command) + "\nLast lines of " + log + ":\n"
                        + result.tail() + "\nIf those lines name an artifact that could not be resolved, the baseline build"
                        + " lacked a setting of this build (it is given -o, -s, -gs, -Dmaven.repo.local and"
                        + " -Dmaven.repo.local.tail as this build has them; others can go in MAVEN_ARGS); otherwise fix the"
                        + " build at that ref, or pick another (-Dbudget.against=git:<ref>)");
            }
            Path written = builtModule.resolve(MODULE_CLASSPATH);
            List<String> entries = new ArrayList<>();
            entries.add(builtModule.resolve("target/test-classes").toString());
            entries.add(builtModule.resolve("target/classes").toString());
            for (String entry : Files.readString(written, StandardCharsets.UTF_8).strip().split(java.io.File.pathSeparator)) {
                if (!entry.isBlank()) {
                    entries.add(entry.strip());
                }
            }
            // The classpath names the partial directory; it is renamed once complete, so the names move with it.
            String from = partial.toString();
            String to = done.toString();
            List<String> moved = entries.stream().map(e -> e.startsWith(from) ? to + e.substring(from.length()) : e).toList();
            Files.writeString(partial.resolve(CLASSPATH_FILE + ".tmp"), String.join("\n", moved) + "\n", StandardCharsets.UTF_8);
            Files.move(partial.resolve(CLASSPATH_FILE + ".tmp"), partial.resolve(CLASSPATH_FILE), StandardCopyOption.ATOMIC_MOVE);
            deleteRecursively(done);
            Files.move(partial, done, StandardCopyOption.ATOMIC_MOVE);
            return new BaselineCode(description, readClasspath(classpathFile));
        } catch (IOException e) {
            throw new BaselineCodeException("Cannot prepare the baseline code " + description + " in " + request.workDirectory()
                    + ": " + e.getMessage(), e);
        }
    }

    /** The full commit id of {@code ref}, or why it cannot be had. */
    private static String resolve(Path top, String ref, String shownAs) throws BaselineCodeException {
        Commands.Result result = gitResult(top, "rev-parse", "--verify", "--quiet", "--end-of-options", ref + "^{commit}");
        if (result.ok() && result.output().strip().matches("[0-9a-f]{40,64}")) {
            return result.output().strip();
        }
        boolean shallow = gitResult(top, "rev-parse", "--is-shallow-repository").output().strip().equals("true");
        if (shallow) {
            throw new BaselineCodeException("The ref of " + shownAs + " is not in this clone of " + top + ": it is shallow"
                    + " (history cut off). Fetch the history (git fetch --unshallow, or actions/checkout with fetch-depth: 0)",
                    true);
        }
        throw new BaselineCodeException("The git ref '" + ref + "' of " + shownAs + " does not name a commit in " + top
                + ". Check the name (git log --oneline --decorate), or fetch it first (git fetch origin " + ref + ")");
    }

    private static String git(Path directory, String what, boolean missingIsHistory, String... args)
            throws BaselineCodeException {
        Commands.Result result = gitResult(directory, args);
        if (!result.ok()) {
            if (missingIsHistory) {
                throw new BaselineCodeException("No git history for " + what + " (" + result.output().strip() + "): paired mode"
                        + " against a git ref needs the project's git repository", true);
            }
            throw new BaselineCodeException("git " + String.join(" ", args) + " failed for " + what + " (exit code "
                    + result.exit() + "): " + result.tail());
        }
        return result.output();
    }

    private static Commands.Result gitResult(Path directory, String... args) throws BaselineCodeException {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        try {
            return Commands.run(command, directory, GIT_TIMEOUT, null);
        } catch (IOException e) {
            throw new BaselineCodeException("Cannot run git (" + e.getMessage() + "): paired mode against a git ref needs git"
                    + " on the PATH", true);
        }
    }

    private void run(List<String> command, Path directory, String what, Path log) throws BaselineCodeException {
        Commands.Result result = runCommand(command, directory, log);
        if (!result.ok()) {
            throw new BaselineCodeException(what + " failed (exit code " + result.exit() + "): " + result.tail());
        }
    }

    private Commands.Result runCommand(List<String> command, Path directory, Path log) throws BaselineCodeException {
        try {
            return Commands.run(command, directory, buildTimeout, log);
        } catch (IOException e) {
            throw new BaselineCodeException("Cannot start " + command.get(0) + ": " + e.getMessage());
        }
    }

    /** The classpath a finished build recorded; an empty or damaged record is rebuilt, not an internal error. */
    static List<java.nio.file.Path> readClasspath(Path file) throws BaselineCodeException {
        List<Path> classpath;
        try {
            classpath = Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).map(Path::of).toList();
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new BaselineCodeException("Cannot read " + file + ": " + e.getMessage() + ". Delete it to rebuild the baseline code", e);
        }
        if (classpath.isEmpty()) {
            throw new BaselineCodeException("The baseline code's classpath record " + file + " is empty (its build was cut"
                    + " short or the file was changed). Delete " + file.getParent() + " to rebuild the baseline code");
        }
        return classpath;
    }

    /** Removes the remains of builds that were killed before they completed. */
    private static void deleteLeftovers(Path work) throws IOException {
        try (Stream<Path> entries = Files.list(work)) {
            for (Path p : entries.filter(p -> p.getFileName().toString().contains(".partial-")).toList()) {
                deleteRecursively(p);
            }
        }
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static Path real(Path p) throws BaselineCodeException {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            throw new BaselineCodeException("Cannot resolve " + p + ": " + e.getMessage(), e);
        }
    }
}
