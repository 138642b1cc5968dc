package io.sabot.engine.arrow;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;

/** Arrow IPC in the streaming format: a schema message, then one record batch message per batch. */
public final class ArrowIpc {

    private ArrowIpc() {
    }

    public static byte[] serialize(List<TransactionBatch> batches) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(batches, out);
        return out.toByteArray();
    }

    public static void write(List<TransactionBatch> batches, OutputStream out) throws IOException {
        if (batches.isEmpty()) {
            throw new IllegalArgumentException("nothing to write: no batches");
        }
        // The stream format carries the schema once; each batch's buffers are loaded (by reference,
        // not copied) into one writer root in turn, so the callers' batches are left untouched.
        BufferAllocator allocator = batches.get(0).root().getVector(0).getAllocator();
        try (VectorSchemaRoot writeRoot = VectorSchemaRoot.create(TransactionSchema.SCHEMA, allocator);
             ArrowStreamWriter writer = new ArrowStreamWriter(writeRoot, null, Channels.newChannel(out))) {
            writer.start();
            VectorLoader loader = new VectorLoader(writeRoot);
            for (TransactionBatch batch : batches) {
                try (ArrowRecordBatch recordBatch = new VectorUnloader(batch.root()).getRecordBatch()) {
                    loader.load(recordBatch);
                }
                writer.writeBatch();
            }
            writer.end();
        }
    }

    /** Reads every batch of a stream into batches owned by {@code allocator}. */
    public static List<TransactionBatch> deserialize(byte[] bytes, BufferAllocator allocator) throws IOException {
        return read(new ByteArrayInputStream(bytes), allocator);
    }

    public static List<TransactionBatch> read(InputStream in, BufferAllocator allocator) throws IOException {
        List<TransactionBatch> batches = new ArrayList<>();
        try (ArrowStreamReader reader = new ArrowStreamReader(in, allocator)) {
            VectorSchemaRoot readRoot;
            try {
                readRoot = reader.getVectorSchemaRoot();
            } catch (IOException | RuntimeException e) {
                throw new IOException("not an Arrow IPC stream: " + e.getMessage(), e);
            }
            if (!readRoot.getSchema().equals(TransactionSchema.SCHEMA)) {
                throw new IOException("the stream's schema is not the transaction schema: " + readRoot.getSchema());
            }
            while (reader.loadNextBatch()) {
                VectorSchemaRoot owned = VectorSchemaRoot.create(TransactionSchema.SCHEMA, allocator);
                for (int i = 0; i < readRoot.getFieldVectors().size(); i++) {
                    // Transfer hands the buffers over without copying; the reader's root is reused for the next batch.
                    readRoot.getVector(i).makeTransferPair(owned.getVector(i)).transfer();
                }
                owned.setRowCount(readRoot.getRowCount());
                batches.add(new TransactionBatch(owned));
            }
        } catch (IOException | RuntimeException e) {
            batches.forEach(TransactionBatch::close);
            if (e instanceof IOException io) {
                throw io;
            }
            throw new IOException("corrupt Arrow IPC stream: " + e.getMessage(), e);
        }
        return batches;
    }
}
