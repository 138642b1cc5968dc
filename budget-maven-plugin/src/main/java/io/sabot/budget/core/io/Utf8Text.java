package io.sabot.budget.core.io;

import io.sabot.budget.core.model.SourceLocation;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Strict UTF-8 decoding of a text file. A byte that is not UTF-8 is an error naming its line and
 * column, never a replacement character that would silently change a key or a value.
 */
final class Utf8Text {

    private Utf8Text() {
    }

    static String decode(String name, byte[] bytes) throws BudgetFileException {
        int bad = firstInvalidByte(bytes);
        if (bad >= 0) {
            throw BudgetFileException.single(locationOf(name, bytes, bad), problem(bytes, bad));
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text; // a byte order mark is not content
    }

    /** Offset of the first byte that is not part of a valid UTF-8 character, or -1 when all are. */
    static int firstInvalidByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        return result.isError() ? in.position() : -1;
    }

    static String problem(byte[] bytes, int at) {
        return String.format(Locale.ROOT, "file is not valid UTF-8 text (byte 0x%02X cannot start or continue a character);"
                + " save it as UTF-8", bytes[at] & 0xFF);
    }

    /** Line and column (in characters) of byte offset {@code at}. */
    static SourceLocation locationOf(String name, byte[] bytes, int at) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < at; i++) {
            if (bytes[i] == '\n') {
                line++;
                column = 1;
            } else if ((bytes[i] & 0xC0) != 0x80) { // continuation bytes belong to the previous character
                column++;
            }
        }
        return new SourceLocation(name, line, column);
    }
}
