package io.sabot.engine.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.engine.state.KeyValueState;
import io.sabot.engine.state.MemoryStateBackend;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The checkpoint benchmarks' state must stay the spec's (its test fills the backend with
 * {@code String.format("key_%010d")} keys and 1 KB values): the faster set-up builds the same entries.
 */
class CheckpointStorageBenchmarkTest {

    @Test
    void tenDigitsIsTheFormattersZeroPadding() {
        for (int n : new int[] {0, 7, 10, 99_999, 102_399, 1_000_000_000, Integer.MAX_VALUE}) {
            assertThat(CheckpointStorageBenchmark.tenDigits(n)).isEqualTo(String.format(Locale.ROOT, "%010d", n));
        }
    }

    @Test
    void largeStateHoldsTheSpecsEntries() throws Exception {
        try (MemoryStateBackend backend = CheckpointStorageBenchmark.largeState(1)) {
            KeyValueState<String, String> state = backend.state(CheckpointStorageBenchmark.STATE);
            assertThat(backend.statistics().entries()).isEqualTo(1024);
            for (int i : new int[] {0, 1, 511, 1023}) {
                String value = state.get(String.format(Locale.ROOT, "key_%010d", i));
                assertThat(value).isEqualTo(String.format(Locale.ROOT, "value_%010d", i).repeat(64));
                assertThat(value).hasSize(CheckpointStorageBenchmark.ENTRY_BYTES);
            }
        }
    }
}
