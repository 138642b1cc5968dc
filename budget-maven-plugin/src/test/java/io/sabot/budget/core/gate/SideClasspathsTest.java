package io.sabot.budget.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SideClasspathsTest {

    @TempDir
    Path dir;

    @Test
    void entriesTheSidesDoNotShareGetPathsOfTheSameLengthAndSharedOnesStay() throws Exception {
        Path classes = write(dir.resolve("module/target/classes/io/x/Bench.class"), "current");
        Path engineJar = write(dir.resolve("engine/target/engine.jar"), "jar now");
        Path baseClasses = write(dir.resolve("module/target/budget-baseline/0123456789ab/src/module/target/classes/io/x/Bench.class"),
                "baseline");
        Path baseJar = write(dir.resolve("module/target/budget-baseline/0123456789ab/src/engine/target/engine.jar"), "jar then");
        Path shared = write(dir.resolve("repository/lib/1.0/lib-1.0.jar"), "library");
        List<Path> current = List.of(classes.getParent().getParent().getParent(), engineJar, shared);
        List<Path> baseline = List.of(baseClasses.getParent().getParent().getParent(), baseJar, shared);

        SideClasspaths.Sides sides = SideClasspaths.equalize(current, baseline, dir.resolve("out/paired/classpath"));

        assertThat(sides.current()).hasSize(3);
        assertThat(sides.baseline()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(sides.current().get(i).toString()).hasSameSizeAs(sides.baseline().get(i).toString());
        }
        assertThat(sides.current().get(2)).isEqualTo(shared);
        assertThat(sides.baseline().get(2)).isEqualTo(shared);
        assertThat(sides.current().get(0)).isEqualTo(dir.resolve("out/paired/classpath/c/000"));
        assertThat(sides.baseline().get(1)).isEqualTo(dir.resolve("out/paired/classpath/b/001.jar"));
        // the same bytes, each side its own
        assertThat(Files.readString(sides.current().get(0).resolve("io/x/Bench.class"))).isEqualTo("current");
        assertThat(Files.readString(sides.baseline().get(0).resolve("io/x/Bench.class"))).isEqualTo("baseline");
        assertThat(Files.readString(sides.current().get(1))).isEqualTo("jar now");
        assertThat(Files.readString(sides.baseline().get(1))).isEqualTo("jar then");
    }

    @Test
    void aNewRunReplacesTheLastRunsCopiesAndMissingEntriesStayAsGiven() throws Exception {
        Path classes = dir.resolve("classes");
        write(classes.resolve("Old.class"), "old");
        Path out = dir.resolve("out");
        SideClasspaths.equalize(List.of(classes), List.of(dir.resolve("base")), out);
        Files.delete(classes.resolve("Old.class"));
        write(classes.resolve("New.class"), "new");

        SideClasspaths.Sides sides = SideClasspaths.equalize(List.of(classes), List.of(dir.resolve("base")), out);

        assertThat(sides.current().get(0).resolve("New.class")).exists();
        assertThat(sides.current().get(0).resolve("Old.class")).doesNotExist();
        assertThat(sides.baseline()).containsExactly(dir.resolve("base"));
    }

    private static Path write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
