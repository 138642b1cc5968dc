package io.sabot.engine.state;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Ready-made serializers for the common key and value types. Numbers are big-endian. They are on
 * RocksDB's hot path (every get and put) and in every heap snapshot, so they write straight into
 * the result array: no {@code ByteBuffer} around it, no boxing beyond the interface's own.
 */
public final class Serializers {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private Serializers() {
    }

    public static final TypeSerializer<String> STRING = new TypeSerializer<>() {
        @Override
        public byte[] serialize(String value) {
            return value.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String deserialize(byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    };

    public static final TypeSerializer<Long> LONG = new TypeSerializer<>() {
        @Override
        public byte[] serialize(Long value) {
            byte[] bytes = new byte[Long.BYTES];
            LONGS.set(bytes, 0, (long) value);
            return bytes;
        }

        @Override
        public Long deserialize(byte[] bytes) {
            requireLength(bytes, Long.BYTES, "long");
            return (long) LONGS.get(bytes, 0);
        }
    };

    public static final TypeSerializer<Integer> INT = new TypeSerializer<>() {
        @Override
        public byte[] serialize(Integer value) {
            byte[] bytes = new byte[Integer.BYTES];
            INTS.set(bytes, 0, (int) value);
            return bytes;
        }

        @Override
        public Integer deserialize(byte[] bytes) {
            requireLength(bytes, Integer.BYTES, "int");
            return (int) INTS.get(bytes, 0);
        }
    };

    public static final TypeSerializer<Double> DOUBLE = new TypeSerializer<>() {
        @Override
        public byte[] serialize(Double value) {
            byte[] bytes = new byte[Double.BYTES];
            LONGS.set(bytes, 0, Double.doubleToRawLongBits(value));
            return bytes;
        }

        @Override
        public Double deserialize(byte[] bytes) {
            requireLength(bytes, Double.BYTES, "double");
            return Double.longBitsToDouble((long) LONGS.get(bytes, 0));
        }
    };

    public static final TypeSerializer<byte[]> BYTES = new TypeSerializer<>() {
        @Override
        public byte[] serialize(byte[] value) {
            return value.clone();
        }

        @Override
        public byte[] deserialize(byte[] bytes) {
            return bytes.clone();
        }
    };

    /** Fixed-length arrays of longs, for small per-key records (counters, running sums). */
    public static final TypeSerializer<long[]> LONG_ARRAY = new TypeSerializer<>() {
        @Override
        public byte[] serialize(long[] value) {
            byte[] bytes = new byte[value.length * Long.BYTES];
            for (int i = 0; i < value.length; i++) {
                LONGS.set(bytes, i * Long.BYTES, value[i]);
            }
            return bytes;
        }

        @Override
        public long[] deserialize(byte[] bytes) {
            if (bytes.length % Long.BYTES != 0) {
                throw new IllegalArgumentException("a long[] needs a multiple of 8 bytes, got " + bytes.length);
            }
            long[] values = new long[bytes.length / Long.BYTES];
            for (int i = 0; i < values.length; i++) {
                values[i] = (long) LONGS.get(bytes, i * Long.BYTES);
            }
            return values;
        }
    };

    private static void requireLength(byte[] bytes, int expected, String type) {
        if (bytes.length != expected) {
            throw new IllegalArgumentException("a serialized " + type + " has " + expected + " bytes, got " + bytes.length);
        }
    }
}
