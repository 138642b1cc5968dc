package io.sabot.engine.state;

/** Counters a backend keeps about its own behaviour. */
public record StateStatistics(long hits, long misses, long evictions, long expirations, long entries) {
}
