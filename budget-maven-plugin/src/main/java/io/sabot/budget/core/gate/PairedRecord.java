package io.sabot.budget.core.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sabot.budget.core.io.JsonTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a paired budget:check measured its {@code baseline-results.json} against, written beside it as
 * {@code paired.json}: the baseline code (as the report names it: "git:HEAD~1 (commit 1a2b3c4d5e6f)") and
 * the looks its error rate was split over. budget:compare judges the two files as pairs again only when
 * this record names the source it was asked for, and with the same split, so it does not pair this
 * code's forks with the baseline code of another run, nor find narrower intervals than the check did.
 * A stored-baseline check removes both files: they would describe a run that is no longer the latest.
 */
public record PairedRecord(String baselineCode, int looks) {

    public static final String FILE = "paired.json";

    static Path beside(Path resultsFile) {
        return resultsFile.resolveSibling(FILE);
    }

    void write(Path resultsFile) throws GateException {
        ObjectNode root = JsonTrees.object();
        root.put("baselineCode", baselineCode);
        root.put("looks", looks);
        try {
            Files.writeString(beside(resultsFile), JsonTrees.pretty(root) + "\n");
        } catch (IOException e) {
            throw new GateException("Cannot write " + beside(resultsFile) + ": " + e.getMessage(), e);
        }
    }

    /** A stored-baseline run: the paired files of an earlier run no longer belong to results.json. */
    static void removeBeside(Path resultsFile) throws GateException {
        try {
            Files.deleteIfExists(beside(resultsFile));
            Files.deleteIfExists(PairedCheck.baselineFileBeside(resultsFile));
        } catch (IOException e) {
            throw new GateException("Cannot remove the paired files of an earlier run beside " + resultsFile + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The record beside {@code resultsFile}, which must name {@code requested} (the {@code -Dbudget.against}
     * value of budget:compare).
     */
    public static PairedRecord readFor(Path resultsFile, String requested) throws GateException {
        Path file = beside(resultsFile);
        String rerun = "; run mvn verify -Dbudget.against=" + requested + " first, or compare with -Dbudget.against=baseline";
        if (!Files.isRegularFile(file)) {
            throw new GateException("No record of a paired run beside " + resultsFile + " (" + FILE + ", which a paired"
                    + " budget:check writes with " + PairedCheck.BASELINE_RESULTS + ")" + rerun);
        }
        JsonNode root;
        try {
            root = JsonTrees.read(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new GateException(file + ": cannot read the record of the paired run (" + e.getMessage() + ")" + rerun, e);
        }
        String code = root.path("baselineCode").asText("");
        int looks = root.path("looks").asInt(0);
        if (code.isEmpty() || looks < 1) {
            throw new GateException(file + ": not a record of a paired run (it needs \"baselineCode\" and \"looks\")" + rerun);
        }
        PairedRecord record = new PairedRecord(code, looks);
        if (!record.measuredAgainst(requested)) {
            throw new GateException("The paired forks beside " + resultsFile + " were measured against " + code + ", not "
                    + requested + ". Compare with -Dbudget.against=" + record.source()
                    + ", or run mvn verify -Dbudget.against=" + requested + " first");
        }
        return record;
    }

    /** The source as given to -Dbudget.against: the description without its "(commit ...)". */
    String source() {
        int detail = baselineCode.indexOf(" (");
        return detail < 0 ? baselineCode : baselineCode.substring(0, detail);
    }

    boolean measuredAgainst(String requested) {
        String asked = requested.strip();
        if (asked.startsWith("classpath:") && baselineCode.startsWith("classpath:")) {
            return true; // entries are recorded as resolved paths; the check itself named them
        }
        return source().equals(asked);
    }
}
