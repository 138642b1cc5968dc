package io.sabot.budget.core.report;

import java.nio.charset.StandardCharsets;

/**
 * Text that stops growing at a size in UTF-8 bytes: pieces that would pass the cap are counted, not
 * added, so a report of any size stays within a limit such as GitHub's 1 MiB step summary. Pieces added
 * with {@link #add} always go in (headings, the closing line); the cap keeps room for them.
 */
final class CappedText {

    /** Kept free for the pieces that always go in after the cap is reached. */
    private static final int RESERVE = 4_096;

    private final StringBuilder text = new StringBuilder();
    private final int maxBytes;
    private long bytes;
    private int left;

    CappedText(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    void add(String piece) {
        text.append(piece);
        bytes += utf8Length(piece);
    }

    /** Adds the piece if it fits below the cap less the reserve; otherwise counts it as left out. */
    void addUnlessFull(String piece) {
        long size = utf8Length(piece);
        if (left > 0 || bytes + size > maxBytes - RESERVE) {
            left++;
            return;
        }
        text.append(piece);
        bytes += size;
    }

    /** How many pieces were left out. */
    int left() {
        return left;
    }

    private static long utf8Length(String piece) {
        boolean ascii = true;
        for (int i = 0; i < piece.length() && ascii; i++) {
            ascii = piece.charAt(i) < 0x80;
        }
        return ascii ? piece.length() : piece.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
