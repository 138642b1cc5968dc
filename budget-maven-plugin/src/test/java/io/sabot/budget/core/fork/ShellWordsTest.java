package io.sabot.budget.core.fork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShellWordsTest {

    @Test
    void blanksSeparateWords() {
        assertThat(ShellWords.split("-t 2 -tu us")).containsExactly("-t", "2", "-tu", "us");
        assertThat(ShellWords.split("  -t\t2\n -tu   us  ")).containsExactly("-t", "2", "-tu", "us");
        assertThat(ShellWords.split("   ")).isEmpty();
    }

    @Test
    void quotesKeepBlanksInOneWord() {
        // Split on whitespace, -p text='a b' became "-p", "text='a", "b'" and JMH rejected the run.
        assertThat(ShellWords.split("-p text='a b' -jvmArgsPrepend \"-Dx=1 2\""))
                .containsExactly("-p", "text=a b", "-jvmArgsPrepend", "-Dx=1 2");
        assertThat(ShellWords.split("'it''s'\"\" x\"y\"'z'")).containsExactly("its", "xyz");
        assertThat(ShellWords.split("'' \"\"")).as("empty quotes are an empty word").containsExactly("", "");
    }

    @Test
    void singleQuotesTakeEverythingLiterally() {
        assertThat(ShellWords.split("'a\\b \"c\" $HOME'")).containsExactly("a\\b \"c\" $HOME");
    }

    @Test
    void doubleQuotesEscapeOnlyWhatAShellEscapesThere() {
        assertThat(ShellWords.split("\"a\\\"b\\\\c\\$d\\x\"")).containsExactly("a\"b\\c$d\\x");
        assertThat(ShellWords.split("\"one\\\ntwo\"")).as("backslash-newline joins lines").containsExactly("onetwo");
    }

    @Test
    void aBackslashOutsideQuotesMakesTheNextCharacterLiteral() {
        assertThat(ShellWords.split("a\\ b c\\'d \\\"e")).containsExactly("a b", "c'd", "\"e");
        assertThat(ShellWords.split("-t 2 \\\n-f 1")).containsExactly("-t", "2", "-f", "1");
        assertThat(ShellWords.split("x\\")).as("a trailing backslash stays").containsExactly("x\\");
    }

    @Test
    void nothingIsExpanded() {
        assertThat(ShellWords.split("$HOME ~ * `date`")).containsExactly("$HOME", "~", "*", "`date`");
    }

    @Test
    void anUnterminatedQuoteSaysWhichAndWhere() {
        assertThatThrownBy(() -> ShellWords.split("-p text='a b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the single quote at character 9 is never closed; close it, or escape it with a backslash"
                        + " (in: -p text='a b)");
        assertThatThrownBy(() -> ShellWords.split("\"a\\\"")).hasMessageStartingWith("the double quote at character 1 is never closed");
    }

    @Test
    void whatQuoteWritesSplitReadsBack() {
        SplittableRandom random = new SplittableRandom(5);
        String alphabet = "ab -'\"\\$\t\n=*";
        for (int i = 0; i < 5_000; i++) {
            List<String> words = new ArrayList<>();
            for (int w = random.nextInt(4); w > 0; w--) {
                StringBuilder word = new StringBuilder();
                for (int c = random.nextInt(6); c > 0; c--) {
                    word.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                words.add(word.toString());
            }
            String line = String.join(" ", words.stream().map(ShellWords::quote).toList());
            assertThat(ShellWords.split(line)).as(line).isEqualTo(words);
        }
    }
}
