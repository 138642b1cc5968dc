package io.sabot.engine.state;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Ready-made serializers for the common key and value types. */
public final class Serializers {

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
            return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
        }

        @Override
        public Long deserialize(byte[] bytes) {
            requireLength(bytes, Long.BYTES, "long");
            return ByteBuffer.wrap(bytes).getLong();
        }
    };

    public static final TypeSerializer<Integer> INT = new TypeSerializer<>() {
        @Override
        public byte[] serialize(Integer value) {
            return ByteBuffer.allocate(Integer.BYTES).putInt(value).array();
        }

        @Override
        public Integer deserialize(byte[] bytes) {
            requireLength(bytes, Integer.BYTES, "int");
            return ByteBuffer.wrap(bytes).getInt();
        }
    };

    public static final TypeSerializer<Double> DOUBLE = new TypeSerializer<>() {
        @Override
        public byte[] serialize(Double value) {
            return ByteBuffer.allocate(Double.BYTES).putDouble(value).array();
        }

        @Override
        public Double deserialize(byte[] bytes) {
            requireLength(bytes, Double.BYTES, "double");
            return ByteBuffer.wrap(bytes).getDouble();
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
            ByteBuffer buffer = ByteBuffer.allocate(value.length * Long.BYTES);
            for (long v : value) {
                buffer.putLong(v);
            }
            return buffer.array();
        }

        @Override
        public long[] deserialize(byte[] bytes) {
            if (bytes.length % Long.BYTES != 0) {
                throw new IllegalArgumentException("a long[] needs a multiple of 8 bytes, got " + bytes.length);
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            long[] values = new long[bytes.length / Long.BYTES];
            for (int i = 0; i < values.length; i++) {
                values[i] = buffer.getLong();
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
