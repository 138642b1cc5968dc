package io.sabot.engine.arrow;

import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A batch of transactions in Arrow columns. Owns its vectors' off-heap memory: close it.
 */
public final class TransactionBatch implements AutoCloseable {

    private final VectorSchemaRoot root;

    TransactionBatch(VectorSchemaRoot root) {
        if (!root.getSchema().equals(TransactionSchema.SCHEMA)) {
            throw new IllegalArgumentException("not a transaction batch: schema is " + root.getSchema());
        }
        this.root = root;
    }

    /** Builds a batch from rows (one allocation per column, sized up front). */
    public static TransactionBatch of(BufferAllocator allocator, List<TransactionRow> rows) {
        VectorSchemaRoot root = VectorSchemaRoot.create(TransactionSchema.SCHEMA, allocator);
        try {
            int n = rows.size();
            root.allocateNew();
            BigIntVector ids = (BigIntVector) root.getVector(TransactionSchema.TRANSACTION_ID_INDEX);
            BigIntVector accounts = (BigIntVector) root.getVector(TransactionSchema.ACCOUNT_ID_INDEX);
            BigIntVector amounts = (BigIntVector) root.getVector(TransactionSchema.AMOUNT_INDEX);
            BigIntVector timestamps = (BigIntVector) root.getVector(TransactionSchema.TIMESTAMP_INDEX);
            Float8Vector lats = (Float8Vector) root.getVector(TransactionSchema.LATITUDE_INDEX);
            Float8Vector lons = (Float8Vector) root.getVector(TransactionSchema.LONGITUDE_INDEX);
            IntVector merchants = (IntVector) root.getVector(TransactionSchema.MERCHANT_INDEX);
            for (int i = 0; i < n; i++) {
                TransactionRow r = rows.get(i);
                ids.setSafe(i, r.transactionId());
                accounts.setSafe(i, r.accountId());
                amounts.setSafe(i, r.amountCents());
                timestamps.setSafe(i, r.timestampMillis());
                lats.setSafe(i, r.latitude());
                lons.setSafe(i, r.longitude());
                merchants.setSafe(i, r.merchantCategory());
            }
            root.setRowCount(n);
            return new TransactionBatch(root);
        } catch (RuntimeException e) {
            root.close();
            throw e;
        }
    }

    public int rowCount() {
        return root.getRowCount();
    }

    public TransactionRow row(int index) {
        if (index < 0 || index >= rowCount()) {
            throw new IndexOutOfBoundsException("row " + index + " of a batch of " + rowCount());
        }
        return new TransactionRow(
                longs(TransactionSchema.TRANSACTION_ID_INDEX).get(index),
                longs(TransactionSchema.ACCOUNT_ID_INDEX).get(index),
                longs(TransactionSchema.AMOUNT_INDEX).get(index),
                longs(TransactionSchema.TIMESTAMP_INDEX).get(index),
                ((Float8Vector) root.getVector(TransactionSchema.LATITUDE_INDEX)).get(index),
                ((Float8Vector) root.getVector(TransactionSchema.LONGITUDE_INDEX)).get(index),
                ((IntVector) root.getVector(TransactionSchema.MERCHANT_INDEX)).get(index));
    }

    /** A zero-copy view of rows {@code offset .. offset+length-1}: O(1), no allocation of vectors. */
    public BatchView view(int offset, int length) {
        return new BatchView(this, offset, length);
    }

    /**
     * Rows {@code offset .. offset+length-1} as an independent batch sharing this batch's buffers. Arrow's
     * {@link VectorSchemaRoot#slice} splits each vector with {@code splitAndTransfer}: the data buffers
     * of these fixed-width columns are sliced without copying; only a validity bitmap whose offset is
     * not a multiple of 8 is copied (a few bytes). The slice must be closed too; it keeps the shared
     * memory alive after this batch is closed.
     */
    public TransactionBatch slice(int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > rowCount()) {
            throw new IndexOutOfBoundsException("slice [" + offset + ", " + (offset + length) + ") of a batch of " + rowCount());
        }
        return new TransactionBatch(root.slice(offset, length));
    }

    BigIntVector longs(int column) {
        return (BigIntVector) root.getVector(column);
    }

    IntVector ints(int column) {
        return (IntVector) root.getVector(column);
    }

    VectorSchemaRoot root() {
        return root;
    }

    @Override
    public void close() {
        root.close();
    }
}
