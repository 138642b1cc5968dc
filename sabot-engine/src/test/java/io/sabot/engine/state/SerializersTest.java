package io.sabot.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The byte layout is what snapshots and RocksDB databases hold: big-endian, exactly as ByteBuffer writes it. */
class SerializersTest {

    private static final long[] LONGS = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0x0102030405060708L};

    @Test
    void longsAreEightBigEndianBytes() {
        for (long v : LONGS) {
            byte[] bytes = Serializers.LONG.serialize(v);
            assertThat(bytes).isEqualTo(ByteBuffer.allocate(8).putLong(v).array());
            assertThat(Serializers.LONG.deserialize(bytes)).isEqualTo(v);
        }
    }

    @Test
    void longArraysAreTheirLongsInOrder() {
        byte[] bytes = Serializers.LONG_ARRAY.serialize(LONGS);
        ByteBuffer expected = ByteBuffer.allocate(LONGS.length * 8);
        for (long v : LONGS) {
            expected.putLong(v);
        }
        assertThat(bytes).isEqualTo(expected.array());
        assertThat(Serializers.LONG_ARRAY.deserialize(bytes)).isEqualTo(LONGS);
        assertThat(Serializers.LONG_ARRAY.deserialize(Serializers.LONG_ARRAY.serialize(new long[0]))).isEmpty();
    }

    @Test
    void intsAndDoublesRoundTripInTheByteBufferLayout() {
        for (int v : new int[] {0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0x01020304}) {
            assertThat(Serializers.INT.serialize(v)).isEqualTo(ByteBuffer.allocate(4).putInt(v).array());
            assertThat(Serializers.INT.deserialize(Serializers.INT.serialize(v))).isEqualTo(v);
        }
        for (double v : new double[] {0.0, -0.0, 1.5, Double.NaN, Double.NEGATIVE_INFINITY, Double.MIN_VALUE}) {
            assertThat(Serializers.DOUBLE.serialize(v)).isEqualTo(ByteBuffer.allocate(8).putDouble(v).array());
            assertThat(Double.doubleToRawLongBits(Serializers.DOUBLE.deserialize(Serializers.DOUBLE.serialize(v))))
                    .isEqualTo(Double.doubleToRawLongBits(v));
        }
    }

    @Test
    void wrongLengthsAreRejectedWithTheLengthInTheMessage() {
        assertThatThrownBy(() -> Serializers.LONG.deserialize(new byte[7]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a serialized long has 8 bytes, got 7");
        assertThatThrownBy(() -> Serializers.INT.deserialize(new byte[5]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a serialized int has 4 bytes, got 5");
        assertThatThrownBy(() -> Serializers.LONG_ARRAY.deserialize(new byte[12]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a long[] needs a multiple of 8 bytes, got 12");
    }
}
