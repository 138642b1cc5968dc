package io.sabot.engine.arrow;

import java.util.Arrays;
import java.util.function.LongPredicate;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Vectorized filters: a predicate is evaluated over a whole column in one tight loop that reads the
 * column's primitive values directly (no boxing, no row objects) and produces a selection vector of
 * row indexes, which {@link #materialize} turns into a new batch.
 */
public final class BatchFilter {

    private BatchFilter() {
    }

    /** Rows whose amount is strictly greater than {@code cents}. */
    public static int[] amountAbove(TransactionBatch batch, long cents) {
        var amounts = batch.longs(TransactionSchema.AMOUNT_INDEX);
        int n = batch.rowCount();
        int[] selection = new int[n];
        int selected = 0;
        for (int i = 0; i < n; i++) {
            if (amounts.get(i) > cents) {
                selection[selected++] = i;
            }
        }
        return Arrays.copyOf(selection, selected);
    }

    /** Rows of one account. */
    public static int[] accountEquals(TransactionBatch batch, long accountId) {
        return whereLong(batch, TransactionSchema.ACCOUNT_ID, v -> v == accountId);
    }

    /** Rows whose merchant category is one of {@code categories}. */
    public static int[] merchantIn(TransactionBatch batch, int... categories) {
        boolean[] wanted = new boolean[Arrays.stream(categories).max().orElse(0) + 1];
        for (int c : categories) {
            if (c < 0) {
                throw new IllegalArgumentException("merchant categories are not negative: " + c);
            }
            wanted[c] = true;
        }
        var merchants = batch.ints(TransactionSchema.MERCHANT_INDEX);
        int n = batch.rowCount();
        int[] selection = new int[n];
        int selected = 0;
        for (int i = 0; i < n; i++) {
            int c = merchants.get(i);
            if (c < wanted.length && wanted[c]) {
                selection[selected++] = i;
            }
        }
        return Arrays.copyOf(selection, selected);
    }

    /** Any predicate on one of the int64 columns (transaction id, account, amount, timestamp). */
    public static int[] whereLong(TransactionBatch batch, String column, LongPredicate predicate) {
        int index = longColumn(column);
        var values = batch.longs(index);
        int n = batch.rowCount();
        int[] selection = new int[n];
        int selected = 0;
        for (int i = 0; i < n; i++) {
            if (predicate.test(values.get(i))) {
                selection[selected++] = i;
            }
        }
        return Arrays.copyOf(selection, selected);
    }

    /** A new batch holding the selected rows, in selection order. */
    public static TransactionBatch materialize(TransactionBatch batch, int[] selection, BufferAllocator allocator) {
        VectorSchemaRoot target = VectorSchemaRoot.create(TransactionSchema.SCHEMA, allocator);
        try {
            target.allocateNew();
            VectorSchemaRoot source = batch.root();
            for (int c = 0; c < source.getFieldVectors().size(); c++) {
                FieldVector from = source.getVector(c);
                FieldVector to = target.getVector(c);
                for (int i = 0; i < selection.length; i++) {
                    to.copyFromSafe(selection[i], i, from);
                }
                to.setValueCount(selection.length);
            }
            target.setRowCount(selection.length);
            return new TransactionBatch(target);
        } catch (RuntimeException e) {
            target.close();
            throw e;
        }
    }

    private static int longColumn(String column) {
        return switch (column) {
            case TransactionSchema.TRANSACTION_ID -> TransactionSchema.TRANSACTION_ID_INDEX;
            case TransactionSchema.ACCOUNT_ID -> TransactionSchema.ACCOUNT_ID_INDEX;
            case TransactionSchema.AMOUNT_CENTS -> TransactionSchema.AMOUNT_INDEX;
            case TransactionSchema.TIMESTAMP -> TransactionSchema.TIMESTAMP_INDEX;
            default -> throw new IllegalArgumentException("'" + column + "' is not an int64 column of the transaction schema");
        };
    }
}
