package io.sabot.budget.core.model;

/**
 * Which part of a sharded suite a build runs: shard {@code index} of {@code count}, 1-based, as in
 * {@code -Dbudget.shard=2/3}. Every shard computes the same split of the suite on its own, so a CI
 * matrix needs no coordinator.
 */
public record ShardSpec(int index, int count) {

    public ShardSpec {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + " does not exist: K/N needs 1 <= K <= N");
        }
    }

    /**
     * Parses {@code K/N}.
     *
     * @param parameter how the user set it, for the message: "<shard> (-Dbudget.shard)"
     */
    public static ShardSpec parse(String text, String parameter) {
        String t = text == null ? "" : text.strip();
        int slash = t.indexOf('/');
        try {
            if (slash > 0) {
                return new ShardSpec(Integer.parseInt(t.substring(0, slash).strip()), Integer.parseInt(t.substring(slash + 1).strip()));
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(parameter + " is '" + text + "': " + e.getMessage()
                    + ", e.g. 1/3, 2/3 and 3/3 for three shards");
        }
        throw new IllegalArgumentException(parameter + " must be K/N (this build's shard K of N, e.g. 2/3), not '" + text + "'");
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
