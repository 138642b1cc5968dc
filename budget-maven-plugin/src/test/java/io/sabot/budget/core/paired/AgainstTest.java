package io.sabot.budget.core.paired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AgainstTest {

    private static Against parse(String text) {
        return Against.parse(text, "<against> (-Dbudget.against)");
    }

    @Test
    void everySourceIsRecognised() {
        assertThat(parse("baseline")).isInstanceOf(Against.StoredBaseline.class);
        assertThat(parse("")).isInstanceOf(Against.StoredBaseline.class);
        assertThat(parse("history")).isInstanceOf(Against.History.class);
        assertThat(parse("git:origin/main")).isEqualTo(new Against.GitRef("origin/main"));
        assertThat(parse("git:HEAD~1")).isEqualTo(new Against.GitRef("HEAD~1"));
        assertThat(parse("git:v1.4.0^{commit}")).isEqualTo(new Against.GitRef("v1.4.0^{commit}"));
        assertThat(parse("git:baseline")).isInstanceOf(Against.GitBaselineCommit.class);
        assertThat(parse("artifact:io.x:bench:1.2.0")).isEqualTo(new Against.Artifact("io.x", "bench", "1.2.0", ""));
        assertThat(((Against.Artifact) parse("artifact:io.x:bench:1.2.0:tests")).coordinates()).isEqualTo("io.x:bench:1.2.0:tests");
        assertThat(parse("classpath:a" + File.pathSeparator + "b/c.jar"))
                .isEqualTo(new Against.ClassPath(List.of(Path.of("a"), Path.of("b/c.jar"))));
        assertThat(parse("git:HEAD").paired()).isTrue();
        assertThat(parse("baseline").paired()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"git:--upload-pack=x", "git:$(id)", "git:`id`", "git:a b", "git:-x", "git:a;rm", "git:",
            "git:a..b", "git:x.lock", "git:@{-1}", "git:a|b"})
    void aRefThatCouldBeAnOptionOrAShellWordIsRefused(String text) {
        assertThatThrownBy(() -> parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("<against> (-Dbudget.against)").hasMessageContaining("git:origin/main");
    }

    @ParameterizedTest
    @ValueSource(strings = {"artifact:io.x:bench", "artifact:io.x:bench:1:2:3", "artifact:io.x:be nch:1", "artifact:::"})
    void badCoordinatesNameTheExpectedForm(String text) {
        assertThatThrownBy(() -> parse(text)).hasMessageContaining("artifact:<groupId>:<artifactId>:<version>");
    }

    @Test
    void unknownSourcesListTheKnownOnes() {
        assertThatThrownBy(() -> parse("svn:trunk")).hasMessageContaining("git:<ref>").hasMessageContaining("classpath:");
        assertThatThrownBy(() -> parse("classpath:")).hasMessageContaining("the classpath is empty");
    }
}
