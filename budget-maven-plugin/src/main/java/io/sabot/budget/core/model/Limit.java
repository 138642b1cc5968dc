package io.sabot.budget.core.model;

/** What a budget limits. Each kind is evaluated by its own check class. */
public sealed interface Limit permits Limit.Score, Limit.Percentile, Limit.SecondaryMetric, Limit.Ratio {

    /** Human description of the limit, e.g. "<= 10 us/op" or ">= 5x *.json". */
    String describe();

    /** {@code max:} / {@code min:} on the primary score. */
    record Score(Bound bound, Quantity limit) implements Limit {
        @Override
        public String describe() {
            return bound.symbol() + " " + limit;
        }
    }

    /** {@code p50:} ... {@code p99.9:}, {@code p100:} on a SampleTime distribution; always an upper bound. */
    record Percentile(double percentile, Quantity limit) implements Limit {
        public String key() {
            return "p" + (percentile == Math.rint(percentile) ? String.valueOf((long) percentile) : String.valueOf(percentile));
        }

        @Override
        public String describe() {
            return key() + " <= " + limit;
        }
    }

    /** {@code alloc:} (gc.alloc.rate.norm) or {@code metric: name} with {@code max:}/{@code min:}. */
    record SecondaryMetric(String metric, Bound bound, Quantity limit) implements Limit {
        @Override
        public String describe() {
            return metric + " " + bound.symbol() + " " + limit;
        }
    }

    /** {@code faster-than: peer} with {@code by: 5x}: this benchmark at least {@code factor} times as fast as the peer. */
    record Ratio(BenchmarkPattern peer, double factor) implements Limit {
        @Override
        public String describe() {
            return ">= " + Quantity.format(factor) + "x " + peer.text();
        }
    }
}
