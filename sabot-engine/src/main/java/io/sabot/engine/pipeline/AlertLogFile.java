package io.sabot.engine.pipeline;

import io.sabot.engine.checkpoint.PausePoint;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * A durable {@link AlertLog}: an append-only text file of transactions, each forced to disk before
 * {@link #commit} returns.
 *
 * <pre>
 * txn 7 2
 * a	velocity	42	-1	1700000120000	31 transactions in the window ...
 * a	amount-spike	17	9001	1700000119000	52000 cents is 9.1x the running average
 * end 7 3f2a0c11
 * </pre>
 *
 * The {@code end} line carries the CRC32C of the block before it. A process killed while appending
 * leaves a prefix of its last block; opening the log cuts that torn tail off (the checkpoint still
 * holds the transaction, and recovery commits it again). A complete block with a wrong checksum is
 * corruption, not a torn write, and opening refuses the file.
 */
public final class AlertLogFile implements AlertLog, Closeable {

    private static final System.Logger LOG = System.getLogger(AlertLogFile.class.getName());

    /** The crash-test pause point with half of a transaction written. */
    public static final String TORN_COMMIT = "alert-log.torn-commit";

    private final Path file;
    private final FileChannel channel;
    private long lastCommitted;

    private AlertLogFile(Path file, FileChannel channel, long lastCommitted) {
        this.file = file;
        this.channel = channel;
        this.lastCommitted = lastCommitted;
    }

    /** Opens (or creates) the log, cutting off a torn last transaction. */
    public static AlertLogFile open(Path file) throws IOException {
        Parsed parsed = parse(file);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            if (channel.size() > parsed.validBytes) {
                LOG.log(Level.WARNING, "Cutting " + (channel.size() - parsed.validBytes) + " bytes of a torn transaction off "
                        + file + " (the process died while committing it; its checkpoint commits it again)");
                channel.truncate(parsed.validBytes);
                channel.force(true);
            }
            channel.position(parsed.validBytes);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new AlertLogFile(file, channel, parsed.lastCommitted);
    }

    /** Every committed alert of the log at {@code file}, in commit order (a torn tail is ignored). */
    public static List<Alert> read(Path file) throws IOException {
        List<Alert> alerts = new ArrayList<>();
        for (Transaction t : parse(file).transactions) {
            alerts.addAll(t.alerts);
        }
        return alerts;
    }

    @Override
    public long lastCommittedTransaction() {
        return lastCommitted;
    }

    @Override
    public void commit(long transactionId, List<Alert> alerts) {
        if (transactionId <= lastCommitted) {
            return;
        }
        StringBuilder block = new StringBuilder();
        block.append("txn ").append(transactionId).append(' ').append(alerts.size()).append('\n');
        for (Alert alert : alerts) {
            block.append("a\t").append(alert.rule()).append('\t').append(alert.accountId()).append('\t')
                    .append(alert.transactionId()).append('\t').append(alert.timestamp()).append('\t')
                    .append(escape(alert.detail())).append('\n');
        }
        byte[] body = block.toString().getBytes(StandardCharsets.UTF_8);
        CRC32C crc = new CRC32C();
        crc.update(body);
        byte[] end = ("end " + transactionId + ' ' + Long.toHexString(crc.getValue()) + '\n').getBytes(StandardCharsets.UTF_8);
        try {
            ByteBuffer buffer = ByteBuffer.allocate(body.length + end.length).put(body).put(end).flip();
            if (PausePoint.isArmed(TORN_COMMIT)) {
                // Crash tests stop the process here, with half of the transaction on disk.
                int half = buffer.limit() / 2;
                writeFully(buffer.duplicate().limit(half));
                channel.force(false);
                PausePoint.reach(TORN_COMMIT);
                buffer.position(half);
            }
            writeFully(buffer);
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit alert transaction " + transactionId + " to " + file, e);
        }
        lastCommitted = transactionId;
    }

    @Override
    public List<Alert> committedAfter(long transactionId) {
        try {
            List<Alert> alerts = new ArrayList<>();
            for (Transaction t : parse(file).transactions) {
                if (t.id > transactionId) {
                    alerts.addAll(t.alerts);
                }
            }
            return alerts;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the alert log " + file, e);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private void writeFully(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private record Transaction(long id, List<Alert> alerts) {
    }

    private record Parsed(List<Transaction> transactions, long validBytes, long lastCommitted) {
    }

    private static Parsed parse(Path file) throws IOException {
        List<Transaction> transactions = new ArrayList<>();
        if (!Files.exists(file)) {
            return new Parsed(transactions, 0, -1);
        }
        byte[] bytes = Files.readAllBytes(file);
        int pos = 0;
        long lastCommitted = -1;
        while (pos < bytes.length) {
            int blockStart = pos;
            int lineEnd = lineEnd(bytes, pos);
            if (lineEnd < 0) {
                break; // torn header
            }
            String[] header = line(bytes, pos, lineEnd).split(" ");
            long id;
            int count;
            try {
                if (header.length != 3 || !header[0].equals("txn")) {
                    throw new NumberFormatException();
                }
                id = Long.parseLong(header[1]);
                count = Integer.parseInt(header[2]);
            } catch (NumberFormatException e) {
                throw corrupt(file, blockStart, "expected 'txn <id> <count>', found '" + line(bytes, pos, lineEnd) + "'");
            }
            pos = lineEnd + 1;
            List<Alert> alerts = new ArrayList<>(count);
            boolean torn = false;
            for (int i = 0; i < count && !torn; i++) {
                lineEnd = lineEnd(bytes, pos);
                if (lineEnd < 0) {
                    torn = true;
                } else {
                    alerts.add(parseAlert(file, blockStart, line(bytes, pos, lineEnd)));
                    pos = lineEnd + 1;
                }
            }
            int endLine = torn ? -1 : lineEnd(bytes, pos);
            if (endLine < 0) {
                return new Parsed(transactions, blockStart, lastCommitted); // torn tail
            }
            CRC32C crc = new CRC32C();
            crc.update(bytes, blockStart, pos - blockStart);
            String expected = "end " + id + ' ' + Long.toHexString(crc.getValue());
            if (!line(bytes, pos, endLine).equals(expected)) {
                throw corrupt(file, blockStart, "transaction " + id + " does not match its checksum");
            }
            pos = endLine + 1;
            transactions.add(new Transaction(id, alerts));
            lastCommitted = id;
        }
        return new Parsed(transactions, pos, lastCommitted);
    }

    private static Alert parseAlert(Path file, int blockStart, String line) throws IOException {
        String[] f = line.split("\t", 6);
        try {
            if (f.length != 6 || !f[0].equals("a")) {
                throw new NumberFormatException();
            }
            return new Alert(f[1], Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]), unescape(f[5]));
        } catch (NumberFormatException e) {
            throw corrupt(file, blockStart, "malformed alert line '" + line + "'");
        }
    }

    private static IOException corrupt(Path file, int offset, String what) {
        return new IOException("alert log " + file + " is corrupt at byte " + offset + ": " + what
                + "; it was not written by a crash (those only tear the last transaction)");
    }

    private static int lineEnd(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static String line(byte[] bytes, int from, int end) {
        return new String(bytes, from, end - from, StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(n == 't' ? '\t' : n == 'n' ? '\n' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
