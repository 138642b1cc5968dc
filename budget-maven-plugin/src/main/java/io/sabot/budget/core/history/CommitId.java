package io.sabot.budget.core.history;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The commit a run measured, when one can be known: the CI's own variable first (GitHub Actions
 * {@code GITHUB_SHA}, GitLab {@code CI_COMMIT_SHA}), else {@code git rev-parse HEAD} in the project
 * directory. Anything that is not a plain hex object id is ignored, and git failing, missing or
 * hanging means "no commit", never a failed build.
 */
public final class CommitId {

    static final List<String> CI_VARIABLES = List.of("GITHUB_SHA", "CI_COMMIT_SHA");
    private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-f]{7,64}");
    private static final long GIT_TIMEOUT_SECONDS = 10;

    private CommitId() {
    }

    public static Optional<String> resolve(Map<String, String> environment, Path directory) {
        for (String variable : CI_VARIABLES) {
            Optional<String> id = valid(environment.get(variable));
            if (id.isPresent()) {
                return id;
            }
        }
        return fromGit(directory);
    }

    static Optional<String> valid(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String id = text.strip().toLowerCase(java.util.Locale.ROOT);
        return OBJECT_ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }

    static Optional<String> fromGit(Path directory) {
        if (directory == null || !directory.toFile().isDirectory()) {
            return Optional.empty();
        }
        Process process = null;
        try {
            process = new ProcessBuilder("git", "rev-parse", "--verify", "-q", "HEAD")
                    .directory(directory.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File(isWindows() ? "NUL" : "/dev/null")))
                    .start();
            // Wait first: the answer (an object id) fits in the pipe buffer, so git never blocks on it,
            // and a git that hangs (a credential prompt, a lock) cannot hang the build.
            if (!process.waitFor(GIT_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return Optional.empty();
            }
            byte[] output;
            try (InputStream in = process.getInputStream()) {
                output = in.readNBytes(200);
            }
            return valid(new String(output, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return Optional.empty(); // no git on this machine
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }
}
