package io.sabot.engine.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStorageTest {

    @TempDir
    Path dir;
    Path snapshot;

    @BeforeEach
    void snapshotFiles() throws Exception {
        snapshot = dir.resolve("snapshot");
        CheckpointStorage.deleteRecursively(snapshot);
        Files.createDirectories(snapshot.resolve("sub"));
        Files.writeString(snapshot.resolve("a.state"), "alpha".repeat(100));
        Files.writeString(snapshot.resolve("sub/b.state"), "beta");
    }

    @Test
    void roundTripsStateAndMetadata() throws Exception {
        CheckpointStorage storage = new CheckpointStorage(dir.resolve("chk"), 3);
        storage.write(1, snapshot, "offsets".getBytes(StandardCharsets.UTF_8));
        RecoveryResult result = storage.latest();
        CompletedCheckpoint checkpoint = result.checkpoint().orElseThrow();
        assertThat(checkpoint.id()).isEqualTo(1);
        assertThat(new String(checkpoint.metadata(), StandardCharsets.UTF_8)).isEqualTo("offsets");
        assertThat(Files.readString(checkpoint.stateDirectory().resolve("sub/b.state"))).isEqualTo("beta");
        assertThat(result.skipped()).isEmpty();
    }

    @Test
    void keepsOnlyTheLastRetainedCheckpoints() throws Exception {
        CheckpointStorage storage = new CheckpointStorage(dir.resolve("chk"), 2);
        for (long id = 1; id <= 4; id++) {
            snapshotFiles();
            storage.write(id, snapshot, new byte[] {(byte) id});
        }
        assertThat(storage.checkpointIds()).containsExactly(3L, 4L);
    }

    @Test
    void skipsAFlippedBitForThePreviousCheckpoint() throws Exception {
        CheckpointStorage storage = new CheckpointStorage(dir.resolve("chk"), 3);
        storage.write(1, snapshot, new byte[] {1});
        snapshotFiles();
        CompletedCheckpoint second = storage.write(2, snapshot, new byte[] {2});
        Path victim = second.stateDirectory().resolve("a.state");
        byte[] bytes = Files.readAllBytes(victim);
        bytes[10] ^= 0x01;
        Files.write(victim, bytes);
        RecoveryResult result = storage.latest();
        assertThat(result.checkpoint().orElseThrow().id()).isEqualTo(1);
        assertThat(result.skipped()).singleElement().satisfies(s -> assertThat(s.reason()).contains("checksum mismatch"));
    }

    @Test
    void skipsATruncatedFile() throws Exception {
        CheckpointStorage storage = new CheckpointStorage(dir.resolve("chk"), 3);
        storage.write(1, snapshot, new byte[] {1});
        snapshotFiles();
        CompletedCheckpoint second = storage.write(2, snapshot, new byte[] {2});
        Path victim = second.stateDirectory().resolve("a.state");
        Files.write(victim, java.util.Arrays.copyOf(Files.readAllBytes(victim), 7));
        assertThat(storage.latest().skipped().get(0).reason()).contains("truncated");
    }

    @Test
    void skipsMissingManifestAndLeftoverInProgressDirectories() throws Exception {
        CheckpointStorage storage = new CheckpointStorage(dir.resolve("chk"), 3);
        storage.write(1, snapshot, new byte[] {1});
        snapshotFiles();
        CompletedCheckpoint second = storage.write(2, snapshot, new byte[] {2});
        Files.delete(second.directory().resolve(CheckpointStorage.MANIFEST));
        Files.createDirectories(dir.resolve("chk/chk-3.inprogress"));
        RecoveryResult result = storage.latest();
        assertThat(result.checkpoint().orElseThrow().id()).isEqualTo(1);
        assertThat(result.skipped()).extracting(RecoveryResult.Skipped::reason)
                .anySatisfy(r -> assertThat(r).contains("no MANIFEST"))
                .anySatisfy(r -> assertThat(r).contains("incomplete"));
    }

    @Test
    void corruptManifestIsDetected() throws Exception {
        CheckpointStorage storage = new CheckpointStorage(dir.resolve("chk"), 3);
        CompletedCheckpoint only = storage.write(1, snapshot, new byte[] {1});
        Path manifest = only.directory().resolve(CheckpointStorage.MANIFEST);
        Files.writeString(manifest, Files.readString(manifest).replace("id 1", "id 9"));
        RecoveryResult result = storage.latest();
        assertThat(result.checkpoint()).isEmpty();
        assertThat(result.skipped().get(0).reason()).contains("MANIFEST checksum mismatch");
    }

    @Test
    void hardLinkedSnapshotFilesAreCopiedSoADamagedFileBreaksOnlyOneCheckpoint() throws Exception {
        // RocksDB snapshots hard-link the live database's SST files; two checkpoints of an unchanged
        // file would share one inode, and one bad sector would break both.
        Path live = dir.resolve("live.sst");
        Files.writeString(live, "immutable table ".repeat(50));
        CheckpointStorage storage = new CheckpointStorage(dir.resolve("chk"), 3);
        for (long id = 1; id <= 2; id++) {
            Path linked = dir.resolve("linked-" + id);
            Files.createDirectories(linked);
            Files.createLink(linked.resolve("table.sst"), live);
            storage.write(id, linked, new byte[] {(byte) id});
        }
        Path second = dir.resolve("chk/chk-2/state/table.sst");
        byte[] bytes = Files.readAllBytes(second);
        bytes[5] ^= 0x01;
        Files.write(second, bytes); // rewrites the file's bytes in place, like a damaged sector would
        RecoveryResult result = storage.latest();
        assertThat(result.checkpoint().orElseThrow().id()).isEqualTo(1);
        assertThat(result.skipped()).singleElement().satisfies(s -> assertThat(s.reason()).contains("checksum mismatch"));
        assertThat(Files.readString(live)).as("the live file is untouched").isEqualTo("immutable table ".repeat(50));
    }
}
