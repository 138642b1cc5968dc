package io.sabot.budget.core.io;

import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Runs a fuzz campaign: many generated inputs, each fed to a reader and judged by an oracle. Every
 * case is reproducible from the campaign seed and its index. Failures are collected (not thrown at
 * the first one) so one run shows every distinct bug; the summary line gives the figures the docs
 * quote.
 *
 * <p>Case counts: {@code -Dbudget.fuzz.cases} (the default build runs a few hundred, {@code -Pfuzz}
 * at least 10,000 per campaign); {@code -Dbudget.fuzz.seed} explores other inputs.
 */
final class FuzzCampaign {

    /** A case that runs this long is a hang, not slowness: normal cases take well under a millisecond. */
    static final long HANG_MILLIS = 10_000;

    /** What the reader did with a case. */
    enum Outcome { REJECTED, ACCEPTED }

    /** One generated input with a description of how it was made. */
    record Case(String description, byte[] input) {
        static Case of(String description, String text) {
            return new Case(description, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    interface Generator {
        Case generate(SplittableRandom random, int index);
    }

    /** Feeds the input to the reader and returns the outcome; throws AssertionError when the oracle objects. */
    interface Oracle {
        Outcome judge(byte[] input) throws Exception;
    }

    private final String name;
    private final long seed;
    private int cases;
    private int rejected;
    private int accepted;
    private long slowestNanos;
    private String slowest = "";
    private long totalNanos;
    private final Map<String, List<String>> failures = new LinkedHashMap<>();

    FuzzCampaign(String name) {
        this.name = name;
        this.seed = Long.getLong("budget.fuzz.seed", 0x5AB07_F022L);
    }

    static int configuredCases() {
        return Integer.getInteger("budget.fuzz.cases", 300);
    }

    /** Runs {@code count} generated cases. */
    FuzzCampaign run(int count, Generator generator, Oracle oracle) {
        for (int i = 0; i < count; i++) {
            SplittableRandom random = new SplittableRandom(seed * 31 + name.hashCode() * 1_000_003L + i);
            Case c;
            try {
                c = generator.generate(random, i);
            } catch (RuntimeException e) {
                throw new IllegalStateException("generator of " + name + " failed at case " + i, e);
            }
            runOne(i, c, oracle);
        }
        return this;
    }

    /** Runs fixed cases, e.g. every truncation of a seed file. */
    FuzzCampaign runAll(List<Case> fixed, Oracle oracle) {
        for (Case c : fixed) {
            runOne(cases, c, oracle);
        }
        return this;
    }

    private void runOne(int index, Case c, Oracle oracle) {
        cases++;
        long start = System.nanoTime();
        try {
            Outcome outcome = oracle.judge(c.input());
            if (outcome == Outcome.REJECTED) {
                rejected++;
            } else {
                accepted++;
            }
        } catch (AssertionError e) {
            record(firstLine(e.getMessage()), index, c, e.getMessage());
        } catch (Throwable e) {
            StackTraceElement top = e.getStackTrace().length == 0 ? null : e.getStackTrace()[0];
            record("unexpected " + e.getClass().getName() + " at " + top, index, c, String.valueOf(e));
        }
        long elapsed = System.nanoTime() - start;
        totalNanos += elapsed;
        if (elapsed > slowestNanos) {
            slowestNanos = elapsed;
            slowest = c.description() + ", " + c.input().length + " bytes";
        }
        if (elapsed > HANG_MILLIS * 1_000_000) {
            record("case took " + elapsed / 1_000_000 + " ms (hang)", index, c, "");
        }
    }

    private void record(String signature, int index, Case c, String detail) {
        List<String> examples = failures.computeIfAbsent(signature, k -> new ArrayList<>());
        if (examples.size() < 3) {
            examples.add("case " + index + " (" + c.description() + "): " + detail + "\n      input: " + excerpt(c.input()));
        } else {
            examples.add(null); // counted, not shown
        }
    }

    /** Prints the figures and fails listing every distinct failure with reproducible examples. */
    void assertNoFailures() {
        int failed = failures.values().stream().mapToInt(List::size).sum();
        System.out.println(summary(failed));
        if (failed == 0) {
            return;
        }
        StringBuilder message = new StringBuilder(name + ": " + failed + " of " + cases + " cases failed (seed "
                + seed + "), " + failures.size() + " distinct:\n");
        failures.forEach((signature, examples) -> {
            message.append("  * ").append(signature).append(" (").append(examples.size()).append(" cases)\n");
            examples.stream().filter(e -> e != null).forEach(e -> message.append("    - ").append(e).append('\n'));
        });
        fail(message.toString());
    }

    String summary(int failed) {
        return String.format(Locale.ROOT, "[fuzz] %s: %d cases, %d rejected with a clear error, %d accepted and sound,"
                        + " %d failed; slowest case %.1f ms (%s), total %.2f s (seed %d)",
                name, cases, rejected, accepted, failed, slowestNanos / 1e6, slowest, totalNanos / 1e9, seed);
    }

    int cases() {
        return cases;
    }

    static String excerpt(byte[] input) {
        int limit = Integer.getInteger("budget.fuzz.excerpt", 400);
        String text = new String(input, 0, Math.min(input.length, limit), StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        for (char ch : text.toCharArray()) {
            if (ch == '\n') {
                out.append("\\n");
            } else if (ch < 0x20 || ch == 0xFFFD) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
            } else {
                out.append(ch);
            }
        }
        return out + (input.length > limit ? "... (" + input.length + " bytes)" : "");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "assertion failed";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 160 ? line.substring(0, 160) : line;
    }
}
