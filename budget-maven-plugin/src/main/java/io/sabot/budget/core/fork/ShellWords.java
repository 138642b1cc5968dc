package io.sabot.budget.core.fork;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a line of arguments into words as a POSIX shell does, without running anything: blanks
 * (spaces, tabs, newlines) separate words; inside {@code '...'} every character is itself; inside
 * {@code "..."} a backslash escapes only {@code $ ` " \} and a newline; elsewhere a backslash makes
 * the next character literal, and backslash-newline joins lines. {@code ''} and {@code ""} are an
 * empty word. Nothing is expanded: {@code $HOME}, {@code ~} and {@code *} stay as written. And
 * {@link #quote} writes a word so that {@link #split} gives it back.
 */
public final class ShellWords {

    private ShellWords() {
    }

    /**
     * @throws IllegalArgumentException for a quote that is never closed, naming it and where it opens
     */
    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else if (c == '\\') {
                if (i + 1 < line.length()) {
                    if (line.charAt(i + 1) != '\n') {
                        word.append(line.charAt(i + 1));
                        inWord = true;
                    }
                    i += 2;
                } else {
                    word.append(c); // a trailing backslash stays, as in bash
                    inWord = true;
                    i++;
                }
            } else if (c == '\'') {
                int close = line.indexOf('\'', i + 1);
                if (close < 0) {
                    throw unterminated("single", i, line);
                }
                word.append(line, i + 1, close);
                inWord = true;
                i = close + 1;
            } else if (c == '"') {
                int open = i++;
                while (true) {
                    if (i >= line.length()) {
                        throw unterminated("double", open, line);
                    }
                    char d = line.charAt(i);
                    if (d == '"') {
                        i++;
                        break;
                    }
                    if (d == '\\' && i + 1 < line.length() && "$`\"\\\n".indexOf(line.charAt(i + 1)) >= 0) {
                        if (line.charAt(i + 1) != '\n') {
                            word.append(line.charAt(i + 1));
                        }
                        i += 2;
                    } else {
                        word.append(d);
                        i++;
                    }
                }
                inWord = true;
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** {@code word} as a shell reads it back: as is when it holds nothing special, else in single quotes. */
    public static String quote(String word) {
        if (word.matches("[A-Za-z0-9_@%+=:,./-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static IllegalArgumentException unterminated(String kind, int at, String line) {
        return new IllegalArgumentException("the " + kind + " quote at character " + (at + 1) + " is never closed;"
                + " close it, or escape it with a backslash (in: " + line + ")");
    }
}
