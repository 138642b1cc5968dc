package io.sabot.budget.core.io;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Byte-level mutations of a valid file: bit flips, random bytes, deletions, insertions of random
 * bytes or of tokens that mean something to the format, and duplicated spans (which make duplicate
 * keys and lines). Several mutations are stacked per case.
 */
final class ByteMutator {

    private final List<byte[]> dictionary = new ArrayList<>();

    ByteMutator(String... tokens) {
        for (String token : tokens) {
            dictionary.add(token.getBytes(StandardCharsets.UTF_8));
        }
        // Bytes that are never valid UTF-8 on their own, and a truncated two-byte sequence.
        dictionary.add(new byte[] {(byte) 0xFF});
        dictionary.add(new byte[] {(byte) 0xC3});
        dictionary.add(new byte[] {(byte) 0xC0, (byte) 0xAF});
        dictionary.add(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
    }

    /** Applies one to four mutations; returns the result and appends what was done to {@code log}. */
    byte[] mutate(byte[] input, SplittableRandom random, StringBuilder log) {
        byte[] data = input;
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            data = mutateOnce(data, random, log);
        }
        return data;
    }

    private byte[] mutateOnce(byte[] data, SplittableRandom random, StringBuilder log) {
        int at = data.length == 0 ? 0 : random.nextInt(data.length + 1);
        switch (random.nextInt(7)) {
            case 0: {
                if (data.length == 0) {
                    return data;
                }
                int i = Math.min(at, data.length - 1);
                byte[] copy = data.clone();
                copy[i] ^= (byte) (1 << random.nextInt(8));
                log.append("flip@").append(i).append(' ');
                return copy;
            }
            case 1: {
                if (data.length == 0) {
                    return data;
                }
                int i = Math.min(at, data.length - 1);
                byte[] copy = data.clone();
                copy[i] = (byte) random.nextInt(256);
                log.append("set@").append(i).append(' ');
                return copy;
            }
            case 2: {
                int length = Math.min(data.length - Math.min(at, data.length), 1 + random.nextInt(16));
                log.append("delete@").append(at).append('+').append(length).append(' ');
                return splice(data, at, length, new byte[0]);
            }
            case 3: {
                byte[] bytes = new byte[1 + random.nextInt(8)];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) random.nextInt(256);
                }
                log.append("random@").append(at).append(' ');
                return splice(data, at, 0, bytes);
            }
            case 4:
            case 5: {
                byte[] token = dictionary.get(random.nextInt(dictionary.size()));
                log.append("token@").append(at).append(' ');
                return splice(data, at, 0, token);
            }
            default: {
                if (data.length == 0) {
                    return data;
                }
                int from = random.nextInt(data.length);
                int length = Math.min(data.length - from, 1 + random.nextInt(64));
                log.append("dup@").append(from).append('+').append(length).append("->").append(at).append(' ');
                return splice(data, at, 0, Arrays.copyOfRange(data, from, from + length));
            }
        }
    }

    static byte[] splice(byte[] data, int at, int remove, byte[] insert) {
        int start = Math.min(at, data.length);
        int end = Math.min(data.length, start + remove);
        byte[] out = new byte[data.length - (end - start) + insert.length];
        System.arraycopy(data, 0, out, 0, start);
        System.arraycopy(insert, 0, out, start, insert.length);
        System.arraycopy(data, end, out, start + insert.length, data.length - end);
        return out;
    }

    /** Every prefix of {@code input} that cuts off more than trailing whitespace: the file cut off at each byte. */
    static List<FuzzCampaign.Case> truncations(String seedName, byte[] input) {
        List<FuzzCampaign.Case> cases = new ArrayList<>();
        int end = input.length;
        while (end > 0 && Character.isWhitespace(input[end - 1])) {
            end--;
        }
        for (int length = 0; length < end; length++) {
            cases.add(new FuzzCampaign.Case("truncate " + seedName + " at " + length, Arrays.copyOf(input, length)));
        }
        return cases;
    }

    static boolean isValidUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }
}
