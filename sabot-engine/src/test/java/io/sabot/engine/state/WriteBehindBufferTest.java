package io.sabot.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteBehindBufferTest {

    static final StateDescriptor<Long, String> NAMES = new StateDescriptor<>("names", Serializers.LONG, Serializers.STRING);

    @TempDir
    Path dir;

    @Test
    void readsSeeBufferedWritesAndTheBackendSeesThemAfterFlush() throws IOException {
        try (RocksDbStateBackend backend = new RocksDbStateBackend(RocksDbConfig.defaults(dir.resolve("db")))) {
            assertThat(backend.serializesOnAccess()).isTrue();
            KeyValueState<Long, String> names = backend.state(NAMES);
            names.put(1L, "stored");
            WriteBehindBuffer<Long, String> buffer = new WriteBehindBuffer<>(backend, NAMES, 100);
            assertThat(buffer.get(1L)).as("read through to the backend").isEqualTo("stored");
            buffer.put(1L, "updated");
            buffer.put(2L, "new");
            assertThat(buffer.get(1L)).isEqualTo("updated");
            assertThat(buffer.get(2L)).isEqualTo("new");
            assertThat(buffer.get(3L)).isNull();
            assertThat(names.get(1L)).as("not written yet").isEqualTo("stored");
            assertThat(names.get(2L)).isNull();
            assertThat(buffer.bufferedCount()).isEqualTo(2);
            buffer.flush();
            assertThat(buffer.bufferedCount()).isZero();
            assertThat(names.get(1L)).isEqualTo("updated");
            assertThat(names.get(2L)).isEqualTo("new");
        }
    }

    @Test
    void flushesByItselfWhenFull() {
        MemoryStateBackend backend = new MemoryStateBackend(BackendConfig.unbounded());
        WriteBehindBuffer<Long, String> buffer = new WriteBehindBuffer<>(backend, NAMES, 3);
        buffer.put(1L, "a");
        buffer.put(2L, "b");
        assertThat(backend.state(NAMES).get(1L)).isNull();
        buffer.put(3L, "c");
        assertThat(buffer.bufferedCount()).isZero();
        assertThat(backend.state(NAMES).get(1L)).isEqualTo("a");
        assertThat(backend.state(NAMES).get(3L)).isEqualTo("c");
    }

    @Test
    void withoutRoomItWritesThrough() {
        MemoryStateBackend backend = new MemoryStateBackend(BackendConfig.unbounded());
        assertThat(backend.serializesOnAccess()).isFalse();
        WriteBehindBuffer<Long, String> buffer = new WriteBehindBuffer<>(backend, NAMES, 0);
        buffer.put(1L, "a");
        assertThat(buffer.bufferedCount()).isZero();
        assertThat(backend.state(NAMES).get(1L)).isEqualTo("a");
        assertThatThrownBy(() -> buffer.put(2L, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WriteBehindBuffer<>(backend, NAMES, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxEntries must not be negative, was -1");
    }
}
