package io.sabot.engine.arrow;

import org.apache.arrow.memory.BufferAllocator;

/**
 * A zero-copy slice as an offset and a length over a batch, like Arrow C++'s
 * {@code RecordBatch::Slice}: creating one allocates no vectors and touches no buffers, so it costs
 * the same for 10 rows or 10 million. It reads through to its batch and is valid while that batch is
 * open. {@link #materialize} makes an independent batch when the slice must outlive its source.
 */
public final class BatchView {

    private final TransactionBatch batch;
    private final int offset;
    private final int length;

    BatchView(TransactionBatch batch, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > batch.rowCount()) {
            throw new IndexOutOfBoundsException("view [" + offset + ", " + (offset + length) + ") of a batch of " + batch.rowCount());
        }
        this.batch = batch;
        this.offset = offset;
        this.length = length;
    }

    public int rowCount() {
        return length;
    }

    public int offset() {
        return offset;
    }

    public TransactionRow row(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException("row " + index + " of a view of " + length);
        }
        return batch.row(offset + index);
    }

    /** The amount of row {@code index}, read straight from the column. */
    public long amountCents(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException("row " + index + " of a view of " + length);
        }
        return batch.longs(TransactionSchema.AMOUNT_INDEX).get(offset + index);
    }

    /** An independent copy of the viewed rows, owned by {@code allocator}. */
    public TransactionBatch materialize(BufferAllocator allocator) {
        int[] rows = new int[length];
        for (int i = 0; i < length; i++) {
            rows[i] = offset + i;
        }
        return BatchFilter.materialize(batch, rows, allocator);
    }
}
