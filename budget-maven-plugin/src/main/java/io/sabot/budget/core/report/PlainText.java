package io.sabot.budget.core.report;

/**
 * Names and messages for a terminal or a log file: control characters (newlines, escape sequences
 * that recolour or clear a terminal, bells) are shown as Java-style escapes, so one check stays on
 * one line and nothing in a benchmark name or parameter can act on the terminal.
 */
public final class PlainText {

    private PlainText() {
    }

    public static String printable(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                        ? String.format("\\u%04x", (int) c) : null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }
}
