package io.sabot.budget.maven;

import io.sabot.budget.core.fork.ForkListener;
import io.sabot.budget.core.report.PlainText;
import org.apache.maven.plugin.logging.Log;

/**
 * Shows JMH's progress as plain log lines (one per benchmark fork, with JMH's own ETA), so batch
 * logs stay readable and {@code -q} silences them with the rest of the info output.
 */
final class MavenProgress implements ForkListener {

    private final Log log;
    private volatile String benchmark = "";

    MavenProgress(Log log) {
        this.log = log;
    }

    @Override
    public void benchmarkStarted(String name) {
        benchmark = name;
    }

    @Override
    public void progress(String percentComplete, String eta) {
        // Parsed from the fork's output, which a benchmark can also write to: show it as plain text.
        log.info(PlainText.printable("[budget] " + percentComplete + ", ETA " + eta + ": " + benchmark));
    }

    @Override
    public void note(String message) {
        log.info("[budget] " + message);
    }

    @Override
    public void line(String line) {
        if (log.isDebugEnabled()) {
            log.debug("[fork] " + line);
        }
    }
}
