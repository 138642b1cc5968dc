package io.sabot.budget.core.model;

/** Where something was written in a file, for error messages: "performance-budgets.yml:12:5". */
public record SourceLocation(String file, int line, int column) {

    public static SourceLocation unknown(String file) {
        return new SourceLocation(file, 0, 0);
    }

    @Override
    public String toString() {
        if (line <= 0) {
            return file;
        }
        return file + ":" + line + ":" + column;
    }
}
