package io.sabot.budget.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

class CheckMojoJmhArgsTest {

    @Test
    void jmhArgsAreSplitAsAShellSplitsThem() throws Exception {
        assertThat(CheckMojo.jmhArgs("-t 2 -p text='a b'")).containsExactly("-t", "2", "-p", "text=a b");
        assertThat(CheckMojo.jmhArgs(null)).isEmpty();
        assertThat(CheckMojo.jmhArgs("  ")).isEmpty();
    }

    @Test
    void anUnterminatedQuoteNamesTheParameter() {
        assertThatThrownBy(() -> CheckMojo.jmhArgs("-p text=\"a b")).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("<jmhArgs> (-Dbudget.jmhArgs) cannot be split into arguments: the double quote at"
                        + " character 9 is never closed");
    }
}
