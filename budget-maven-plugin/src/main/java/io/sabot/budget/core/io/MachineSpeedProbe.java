package io.sabot.budget.core.io;

import io.sabot.budget.core.model.MachineSpeed;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Times two fixed pieces of work on this machine, in this JVM, for the environment fingerprint
 * ({@link MachineSpeed}): about a quarter of a second per build. Informational only: the report
 * says how much slower this machine ran them than at the baseline; no threshold or verdict uses it. Each is run in short rounds after
 * a warm-up so the JIT has compiled it, and the median round is kept so that one interrupted round
 * does not move the figure.
 */
public final class MachineSpeedProbe {

    private static final int WARMUP_ROUNDS = 3;
    private static final int ROUNDS = 9;
    private static final int CHAIN_STEPS = 5_000_000;
    /** 8M ints: 32 MB, more than the last-level cache of the machines this runs on, so most loads miss. */
    private static final int CHASE_SLOTS = 8 << 20;
    private static final int CHASE_LOADS = 100_000;

    /** Written so the JIT cannot drop the work whose result nobody reads. */
    private static volatile long sink;

    private MachineSpeedProbe() {
    }

    /** Both timings, or {@link MachineSpeed#UNKNOWN} for one that cannot be taken (no memory for the chase). */
    public static MachineSpeed measure() {
        double cpu = median(MachineSpeedProbe::chainRound) / CHAIN_STEPS;
        double memory;
        try {
            int[] next = cycle(CHASE_SLOTS);
            memory = median(() -> chaseRound(next)) / CHASE_LOADS;
        } catch (OutOfMemoryError e) {
            memory = 0;
        }
        return new MachineSpeed(cpu, memory);
    }

    /** One timed round of a piece of work, in nanoseconds. */
    interface Round {
        long nanos();
    }

    /** The median of {@link #ROUNDS} rounds after {@link #WARMUP_ROUNDS} untimed ones. */
    static double median(Round round) {
        for (int i = 0; i < WARMUP_ROUNDS; i++) {
            round.nanos();
        }
        long[] times = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            times[i] = round.nanos();
        }
        Arrays.sort(times);
        return times[ROUNDS / 2];
    }

    /** Each multiply-add needs the previous result: the chain runs at the latency of the ALU, not its width. */
    private static long chainRound() {
        long start = System.nanoTime();
        long x = sink | 1;
        for (int i = 0; i < CHAIN_STEPS; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        long elapsed = System.nanoTime() - start;
        sink = x;
        return elapsed;
    }

    /** Each load's address is the value of the previous load: the chase runs at the latency of memory. */
    private static long chaseRound(int[] next) {
        long start = System.nanoTime();
        int at = (int) (sink & (next.length - 1));
        for (int i = 0; i < CHASE_LOADS; i++) {
            at = next[at];
        }
        long elapsed = System.nanoTime() - start;
        sink = at;
        return elapsed;
    }

    /** One random cycle through all slots (Sattolo's shuffle), so the chase never settles into a short loop. */
    static int[] cycle(int slots) {
        int[] next = new int[slots];
        for (int i = 0; i < slots; i++) {
            next[i] = i;
        }
        SplittableRandom random = new SplittableRandom(42);
        for (int i = slots - 1; i > 0; i--) {
            int j = random.nextInt(i);
            int t = next[i];
            next[i] = next[j];
            next[j] = t;
        }
        return next;
    }
}
