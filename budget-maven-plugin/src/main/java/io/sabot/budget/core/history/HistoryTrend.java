package io.sabot.budget.core.history;

import io.sabot.budget.core.model.BenchmarkKey;
import io.sabot.budget.core.model.MetricUnit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The scores of one benchmark over its last runs in the history, oldest first, in one unit. */
public final class HistoryTrend {

    private HistoryTrend() {
    }

    /** One run of the benchmark. */
    public record Point(Instant time, Optional<String> commit, String shortCommit, double score) {
    }

    /**
     * The last {@code runs} entries that measured {@code key}, with the score converted to
     * {@code unit}; runs in a unit that does not convert (a changed benchmark mode) are left out.
     */
    public static List<Point> of(List<HistoryEntry> entries, BenchmarkKey key, int runs, MetricUnit unit) {
        List<Point> points = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0 && points.size() < runs; i--) {
            HistoryEntry entry = entries.get(i);
            Optional<HistoryEntry.Benchmark> measured = entry.find(key);
            if (measured.isEmpty()) {
                continue;
            }
            MetricUnit from;
            try {
                from = MetricUnit.parse(measured.get().unit());
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (!from.isComparableTo(unit)) {
                continue;
            }
            points.add(0, new Point(entry.time(), entry.commit(), entry.shortCommit(), from.convert(measured.get().score(), unit)));
        }
        return points;
    }
}
