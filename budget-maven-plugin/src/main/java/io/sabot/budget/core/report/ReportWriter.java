package io.sabot.budget.core.report;

import io.sabot.budget.core.io.Beside;
import io.sabot.budget.core.io.TempSibling;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Writes report.json, report.md, TEST-budget.xml and report.html, each complete or not at all (temp
 * file + rename), readable as any new file is ({@link TempSibling}), and appends report.md to the
 * GitHub step summary when one is given.
 */
public final class ReportWriter {

    public static final String JSON = "report.json";
    public static final String MARKDOWN = "report.md";
    public static final String JUNIT = "TEST-budget.xml";
    public static final String HTML = "report.html";

    private ReportWriter() {
    }

    public static void write(Path directory, ReportContext context, ReportData data, Optional<Path> githubStepSummary)
            throws IOException {
        Files.createDirectories(directory);
        // report.html costs as much as the other three together (its charts): on a second thread beside them.
        Beside<Void> html = Beside.start(HTML, () -> {
            writeAtomically(directory.resolve(HTML), HtmlReport.render(context, data));
            return null;
        });
        try {
            String markdown = MarkdownReport.render(context, data);
            writeAtomically(directory.resolve(JSON), JsonReport.render(context, data));
            writeAtomically(directory.resolve(MARKDOWN), markdown);
            writeAtomically(directory.resolve(JUNIT), JUnitXmlReport.render(context));
            if (githubStepSummary.isPresent()) {
                Files.writeString(githubStepSummary.get(), markdown + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } finally {
            html.await();
        }
        html.join(IOException.class);
    }

    static void writeAtomically(Path target, String content) throws IOException {
        replaceAtomically(target, temp -> Files.writeString(temp, content, StandardCharsets.UTF_8));
    }

    /**
     * Copies a written report (report.html, self-contained) to another directory, such as the Maven
     * site's, complete or not at all; creates the directory.
     */
    public static void copyAtomically(Path source, Path target) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        replaceAtomically(target.toAbsolutePath(), temp -> Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING));
    }

    private interface Fill {
        void into(Path temp) throws IOException;
    }

    private static void replaceAtomically(Path target, Fill fill) throws IOException {
        Path temp = TempSibling.create(target.getParent(), "." + target.getFileName() + ".", ".tmp");
        try {
            fill.into(temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
