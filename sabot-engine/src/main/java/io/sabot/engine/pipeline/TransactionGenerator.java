package io.sabot.engine.pipeline;

import java.util.SplittableRandom;

/**
 * A deterministic stream of transactions for one source partition: the same seed, partition and
 * position always give the same transaction, so a restored job can replay from an offset. Accounts
 * are keyed to partitions (account % partitions), like a keyed topic. Timestamps advance about
 * {@code spacingMillis} per event with up to {@code jitterMillis} of disorder. A few events carry
 * fraud patterns: bursts, amount spikes, far-away locations.
 */
public final class TransactionGenerator {

    static final int BURST_LENGTH = 16;
    static final int BURST_ONE_IN = 200;

    private final long seed;
    private final int partition;
    private final int partitions;
    private final int accountsInPartition;
    private final long startMillis;
    private final long spacingMillis;
    private final long jitterMillis;
    private long position;

    public TransactionGenerator(long seed, int partition, int partitions, int accounts, long startMillis,
                                long spacingMillis, long jitterMillis) {
        if (accounts < partitions) {
            throw new IllegalArgumentException("need at least one account per partition: " + accounts + " accounts, " + partitions + " partitions");
        }
        this.seed = seed;
        this.partition = partition;
        this.partitions = partitions;
        this.accountsInPartition = (accounts - partition + partitions - 1) / partitions;
        this.startMillis = startMillis;
        this.spacingMillis = spacingMillis;
        this.jitterMillis = jitterMillis;
    }

    /** Offset of the next transaction in this partition. */
    public long position() {
        return position;
    }

    /** Continues from {@code offset}, as after a restore. */
    public void seek(long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
        position = offset;
    }

    public Transaction next() {
        long n = position++;
        SplittableRandom random = new SplittableRandom(mix(seed, partition, n));
        long account = (long) random.nextInt(accountsInPartition) * partitions + partition;
        // Bursts: about one block of 16 consecutive events in 200 belongs to a single account.
        long block = n / BURST_LENGTH;
        boolean burst = Math.floorMod(mix(seed, partition + 1_000, block), BURST_ONE_IN) == 0;
        if (burst) {
            account = (long) Math.floorMod(mix(seed, partition + 2_000, block), accountsInPartition) * partitions + partition;
        }
        int pattern = random.nextInt(1000);
        long timestamp = startMillis + n * spacingMillis + (jitterMillis == 0 ? 0 : random.nextLong(jitterMillis + 1));
        SplittableRandom home = new SplittableRandom(mix(seed, -1, account));
        double latitude = home.nextDouble(-60, 60);
        double longitude = home.nextDouble(-170, 170);
        long amount = 500 + home.nextInt(20_000) + random.nextInt(2_000);
        if (!burst && pattern < 3) {
            amount *= 20; // a spike
        } else if (!burst && pattern < 6) {
            latitude = -latitude; // the other side of the world
            longitude = longitude > 0 ? longitude - 170 : longitude + 170;
        } else if (!burst) {
            latitude += random.nextDouble(-0.002, 0.002); // a few hundred metres around home
            longitude += random.nextDouble(-0.002, 0.002);
        }
        long transactionId = n * partitions + partition;
        return new Transaction(transactionId, account, amount, timestamp, latitude, longitude, random.nextInt(30));
    }

    private static long mix(long seed, long a, long b) {
        long h = seed * 0x9E3779B97F4A7C15L + a * 0xC2B2AE3D27D4EB4FL + b * 0x165667B19E3779F9L;
        h ^= h >>> 31;
        return h * 0xBF58476D1CE4E5B9L;
    }
}
