package io.sabot.engine.arrow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ArrowBatchesTest {

    private BufferAllocator allocator;

    @BeforeEach
    void open() {
        allocator = new RootAllocator();
    }

    @AfterEach
    void everyBufferWasReleased() {
        assertThat(allocator.getAllocatedMemory()).as("leaked Arrow memory").isZero();
        allocator.close();
    }

    static List<TransactionRow> rows(int n, long seed) {
        Random random = new Random(seed);
        List<TransactionRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new TransactionRow(i, random.nextInt(50), random.nextInt(100_000), 1_700_000_000_000L + i,
                    random.nextDouble() * 180 - 90, random.nextDouble() * 360 - 180, random.nextInt(20)));
        }
        return rows;
    }

    @Test
    void buildsAndReadsBackRows() {
        List<TransactionRow> rows = rows(1000, 1);
        try (TransactionBatch batch = TransactionBatch.of(allocator, rows)) {
            assertThat(batch.rowCount()).isEqualTo(1000);
            assertThat(IntStream.range(0, 1000).mapToObj(batch::row).toList()).isEqualTo(rows);
            assertThatThrownBy(() -> batch.row(1000)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Test
    void ipcRoundTripsSeveralBatchesAndLeavesTheSourcesIntact() throws IOException {
        List<TransactionRow> first = rows(300, 2);
        List<TransactionRow> second = rows(17, 3);
        try (TransactionBatch a = TransactionBatch.of(allocator, first);
             TransactionBatch b = TransactionBatch.of(allocator, second);
             TransactionBatch empty = TransactionBatch.of(allocator, List.of())) {
            byte[] bytes = ArrowIpc.serialize(List.of(a, b, empty));
            List<TransactionBatch> read = ArrowIpc.deserialize(bytes, allocator);
            try {
                assertThat(read).hasSize(3);
                assertThat(IntStream.range(0, 300).mapToObj(read.get(0)::row).toList()).isEqualTo(first);
                assertThat(IntStream.range(0, 17).mapToObj(read.get(1)::row).toList()).isEqualTo(second);
                assertThat(read.get(2).rowCount()).isZero();
                assertThat(a.row(0)).isEqualTo(first.get(0));
            } finally {
                read.forEach(TransactionBatch::close);
            }
        }
    }

    @Test
    void deserializingGarbageIsAClearIOException() {
        assertThatThrownBy(() -> ArrowIpc.deserialize(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, allocator))
                .isInstanceOf(IOException.class);
    }

    @Test
    void filtersMatchAPlainJavaReference() {
        List<TransactionRow> rows = rows(5000, 4);
        try (TransactionBatch batch = TransactionBatch.of(allocator, rows)) {
            int[] big = BatchFilter.amountAbove(batch, 50_000);
            assertThat(big).containsExactly(IntStream.range(0, rows.size())
                    .filter(i -> rows.get(i).amountCents() > 50_000).toArray());
            int[] account = BatchFilter.accountEquals(batch, 7);
            assertThat(account).containsExactly(IntStream.range(0, rows.size())
                    .filter(i -> rows.get(i).accountId() == 7).toArray());
            int[] merchants = BatchFilter.merchantIn(batch, 3, 11);
            assertThat(merchants).containsExactly(IntStream.range(0, rows.size())
                    .filter(i -> rows.get(i).merchantCategory() == 3 || rows.get(i).merchantCategory() == 11).toArray());
            try (TransactionBatch filtered = BatchFilter.materialize(batch, big, allocator)) {
                assertThat(filtered.rowCount()).isEqualTo(big.length);
                for (int i = 0; i < big.length; i++) {
                    assertThat(filtered.row(i)).isEqualTo(rows.get(big[i]));
                }
            }
        }
    }

    @Test
    void groupByMatchesAPlainJavaReference() {
        List<TransactionRow> rows = rows(20_000, 5);
        GroupByAggregator byAccount = new GroupByAggregator(GroupByAggregator.Key.ACCOUNT);
        try (TransactionBatch a = TransactionBatch.of(allocator, rows.subList(0, 12_000));
             TransactionBatch b = TransactionBatch.of(allocator, rows.subList(12_000, 20_000))) {
            byAccount.add(a);
            byAccount.add(b);
        }
        Map<Long, long[]> expected = new HashMap<>();
        for (TransactionRow r : rows) {
            long[] agg = expected.computeIfAbsent(r.accountId(), k -> new long[] {0, 0, Long.MAX_VALUE, Long.MIN_VALUE});
            agg[0] += r.amountCents();
            agg[1]++;
            agg[2] = Math.min(agg[2], r.amountCents());
            agg[3] = Math.max(agg[3], r.amountCents());
        }
        assertThat(byAccount.groupCount()).isEqualTo(expected.size());
        expected.forEach((account, agg) -> {
            GroupByAggregator.Aggregate actual = byAccount.get(account);
            assertThat(actual.sumCents()).isEqualTo(agg[0]);
            assertThat(actual.count()).isEqualTo(agg[1]);
            assertThat(actual.minCents()).isEqualTo(agg[2]);
            assertThat(actual.maxCents()).isEqualTo(agg[3]);
            assertThat(actual.averageCents()).isEqualTo((double) agg[0] / agg[1]);
        });
        assertThat(byAccount.get(999_999)).isNull();
    }

    @Test
    void groupByMerchantGrowsPastTheInitialTable() {
        List<TransactionRow> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add(new TransactionRow(i, 1, i, 0, 0, 0, i));
        }
        GroupByAggregator byMerchant = new GroupByAggregator(GroupByAggregator.Key.MERCHANT_CATEGORY);
        try (TransactionBatch batch = TransactionBatch.of(allocator, rows)) {
            byMerchant.add(batch);
        }
        assertThat(byMerchant.groupCount()).isEqualTo(1000);
        assertThat(byMerchant.get(999).sumCents()).isEqualTo(999);
    }

    @Test
    void sliceSharesTheDataBuffersAndOutlivesItsSource() {
        List<TransactionRow> rows = rows(100, 6);
        TransactionBatch slice;
        try (TransactionBatch batch = TransactionBatch.of(allocator, rows)) {
            slice = batch.slice(16, 40);
            long sourceAddress = batch.longs(TransactionSchema.AMOUNT_INDEX).getDataBuffer().memoryAddress();
            long sliceAddress = slice.longs(TransactionSchema.AMOUNT_INDEX).getDataBuffer().memoryAddress();
            assertThat(sliceAddress).isEqualTo(sourceAddress + 16L * Long.BYTES);
            assertThatThrownBy(() -> batch.slice(90, 20)).isInstanceOf(IndexOutOfBoundsException.class);
        }
        try (slice) {
            assertThat(slice.rowCount()).isEqualTo(40);
            assertThat(slice.row(0)).isEqualTo(rows.get(16));
            assertThat(slice.row(39)).isEqualTo(rows.get(55));
        }
    }

    @Test
    void viewReadsThroughWithoutCopyingAndMaterializesIndependently() {
        List<TransactionRow> rows = rows(100, 8);
        try (TransactionBatch batch = TransactionBatch.of(allocator, rows)) {
            BatchView view = batch.view(10, 20);
            long before = allocator.getAllocatedMemory();
            assertThat(view.rowCount()).isEqualTo(20);
            assertThat(view.row(0)).isEqualTo(rows.get(10));
            assertThat(view.amountCents(19)).isEqualTo(rows.get(29).amountCents());
            assertThat(allocator.getAllocatedMemory()).isEqualTo(before);
            assertThatThrownBy(() -> view.row(20)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> batch.view(90, 11)).isInstanceOf(IndexOutOfBoundsException.class);
            try (TransactionBatch copy = view.materialize(allocator)) {
                assertThat(IntStream.range(0, 20).mapToObj(copy::row).toList()).isEqualTo(rows.subList(10, 30));
            }
        }
    }
}
