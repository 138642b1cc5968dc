package io.sabot.budget.core.paired;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the regression checks compare with, as the {@code against} parameter spells it:
 * <ul>
 *   <li>{@code baseline}: the stored baseline file (numbers measured at another time);</li>
 *   <li>{@code history}: the median of the run history (compare only);</li>
 *   <li>{@code git:<ref>}: the code at a git ref, built and measured beside this code (paired);</li>
 *   <li>{@code git:baseline}: the code at the commit the stored baseline was recorded at (paired);</li>
 *   <li>{@code artifact:<groupId>:<artifactId>:<version>[:<classifier>]}: a released benchmark jar (paired);</li>
 *   <li>{@code classpath:<entries>}: a classpath the pipeline built itself (paired).</li>
 * </ul>
 * A ref is data, never an option or a shell word: it is checked here and passed to git after
 * {@code --end-of-options}, without a shell.
 */
public sealed interface Against {

    /** Stored numbers: the baseline file. */
    record StoredBaseline() implements Against {
    }

    /** Stored numbers: the history median. */
    record History() implements Against {
    }

    /** Paired against a git ref. */
    record GitRef(String ref) implements Against {
    }

    /** Paired against the commit recorded in the baseline file. */
    record GitBaselineCommit() implements Against {
    }

    /** Paired against a jar resolved by coordinates. */
    record Artifact(String groupId, String artifactId, String version, String classifier) implements Against {
        public String coordinates() {
            return groupId + ":" + artifactId + ":" + version + (classifier.isEmpty() ? "" : ":" + classifier);
        }
    }

    /** Paired against a classpath built elsewhere. */
    record ClassPath(List<Path> entries) implements Against {
        public ClassPath {
            entries = List.copyOf(entries);
        }
    }

    /** Letters, digits and the punctuation of ref names and revision suffixes ({@code ~ ^ / . _ - @ { }}). */
    Pattern SAFE_REF = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/~^@{}+-]*");
    Pattern COORDINATE = Pattern.compile("[A-Za-z0-9._-]+");

    /** True for the sources whose baseline code is measured in this build. */
    default boolean paired() {
        return !(this instanceof StoredBaseline) && !(this instanceof History);
    }

    /**
     * @param text      the parameter's value
     * @param parameter how the user set it, for the message: {@code <against> (-Dbudget.against)}
     */
    static Against parse(String text, String parameter) {
        String value = text == null ? "" : text.strip();
        String lower = value.toLowerCase(Locale.ROOT);
        if (value.isEmpty() || lower.equals("baseline")) {
            return new StoredBaseline();
        }
        if (lower.equals("history")) {
            return new History();
        }
        if (lower.startsWith("git:")) {
            String ref = value.substring(4);
            if (ref.equals("baseline")) {
                return new GitBaselineCommit();
            }
            if (!SAFE_REF.matcher(ref).matches() || ref.contains("..") || ref.endsWith(".lock") || ref.contains("@{-")) {
                throw new IllegalArgumentException(parameter + " is '" + value + "': '" + ref + "' is not a git ref this plugin"
                        + " accepts (a branch, tag, commit id or HEAD~N: letters, digits and . _ / ~ ^ @ { } + -, not starting"
                        + " with '-'). Example: git:origin/main, git:HEAD~1, git:v1.4.0, git:baseline");
            }
            return new GitRef(ref);
        }
        if (lower.startsWith("artifact:")) {
            String[] parts = value.substring("artifact:".length()).split(":", -1);
            boolean valid = (parts.length == 3 || parts.length == 4);
            for (int i = 0; valid && i < parts.length; i++) {
                valid = COORDINATE.matcher(parts[i]).matches();
            }
            if (!valid) {
                throw new IllegalArgumentException(parameter + " is '" + value + "': expected"
                        + " artifact:<groupId>:<artifactId>:<version>[:<classifier>], e.g. artifact:io.example:app-benchmarks:1.4.0");
            }
            return new Artifact(parts[0], parts[1], parts[2], parts.length == 4 ? parts[3] : "");
        }
        if (lower.startsWith("classpath:")) {
            List<Path> entries = new ArrayList<>();
            for (String entry : value.substring("classpath:".length()).split(Pattern.quote(File.pathSeparator))) {
                if (!entry.isBlank()) {
                    entries.add(Path.of(entry.strip()));
                }
            }
            if (entries.isEmpty()) {
                throw new IllegalArgumentException(parameter + " is '" + value + "': the classpath is empty; give the entries"
                        + " separated by '" + File.pathSeparator + "', e.g. classpath:base/target/classes" + File.pathSeparator
                        + "base/lib/jmh-core.jar");
            }
            return new ClassPath(entries);
        }
        throw new IllegalArgumentException(parameter + " is '" + value + "': use baseline, history, git:<ref>, git:baseline,"
                + " artifact:<groupId>:<artifactId>:<version> or classpath:<entries>");
    }
}
