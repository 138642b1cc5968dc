package io.sabot.engine.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackgroundCheckpointWriterTest {

    @TempDir
    Path dir;

    private Path snapshot(String name) throws IOException {
        Path snapshot = Files.createDirectories(dir.resolve(name));
        Files.writeString(snapshot.resolve("a.state"), "alpha " + name);
        return snapshot;
    }

    @Test
    void storesTheCheckpointAndConsumesTheSnapshotDirectory() throws IOException {
        CheckpointStorage storage = new CheckpointStorage(dir.resolve("chk"), 3);
        try (BackgroundCheckpointWriter writer = new BackgroundCheckpointWriter(storage)) {
            Path snapshot = snapshot("s1");
            writer.start(1, snapshot, "meta".getBytes(StandardCharsets.UTF_8));
            assertThat(writer.inFlight()).isTrue();
            assertThat(writer.inFlightId()).isEqualTo(1);
            CompletedCheckpoint written = writer.await();
            assertThat(written.id()).isEqualTo(1);
            assertThat(writer.inFlight()).isFalse();
            assertThat(snapshot).doesNotExist();
        }
        CompletedCheckpoint latest = storage.latest().checkpoint().orElseThrow();
        assertThat(latest.id()).isEqualTo(1);
        assertThat(new String(latest.metadata(), StandardCharsets.UTF_8)).isEqualTo("meta");
        assertThat(Files.readString(latest.stateDirectory().resolve("a.state"))).isEqualTo("alpha s1");
    }

    @Test
    void oneWriteAtATime() throws IOException {
        try (BackgroundCheckpointWriter writer = new BackgroundCheckpointWriter(new CheckpointStorage(dir.resolve("chk"), 3))) {
            writer.start(1, snapshot("s1"), new byte[0]);
            assertThatThrownBy(() -> writer.start(2, dir.resolve("s2"), new byte[0]))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("checkpoint 1 is still being written; await it before starting checkpoint 2");
            writer.await();
            writer.start(2, snapshot("s2"), new byte[0]);
            assertThat(writer.await().id()).isEqualTo(2);
            assertThatThrownBy(writer::await).isInstanceOf(IllegalStateException.class).hasMessage("no checkpoint write in flight");
        }
    }

    @Test
    void aFailedWriteIsReportedByAwaitWithTheStoragesMessage() throws IOException {
        CheckpointStorage storage = new CheckpointStorage(dir.resolve("chk"), 3);
        storage.write(1, snapshot("s0"), new byte[0]);
        try (BackgroundCheckpointWriter writer = new BackgroundCheckpointWriter(storage)) {
            writer.start(1, snapshot("s1"), new byte[0]);
            assertThat(writer.inFlight()).isTrue();
            assertThatThrownBy(writer::await).isInstanceOf(IOException.class).hasMessageContaining("checkpoint 1 already exists");
            assertThat(writer.inFlight()).isFalse();
        }
    }

    @Test
    void closeLetsTheWriteInFlightEndWithoutCollectingIt() throws IOException {
        CheckpointStorage storage = new CheckpointStorage(dir.resolve("chk"), 3);
        BackgroundCheckpointWriter writer = new BackgroundCheckpointWriter(storage);
        writer.start(7, snapshot("s7"), new byte[0]);
        writer.close();
        assertThat(writer.inFlight()).isFalse();
        assertThat(storage.checkpointIds()).containsExactly(7L);
    }
}
