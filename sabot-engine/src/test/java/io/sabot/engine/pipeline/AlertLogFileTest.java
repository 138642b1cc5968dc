package io.sabot.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertLogFileTest {

    static final Alert A = new Alert(Alert.VELOCITY, 1, -1, 100, "31 transactions in the window ending 100 (max 30)");
    static final Alert B = new Alert(Alert.AMOUNT_SPIKE, 2, 77, 90, "tab\there, newline\nthere, backslash \\ too");
    static final Alert C = new Alert(Alert.IMPOSSIBLE_TRAVEL, 3, 78, 95, "9000 km in 60000 ms");

    @TempDir
    Path dir;

    @Test
    void commitsSurviveReopeningAndRepeatedTransactionsAreIgnored() throws IOException {
        Path file = dir.resolve("alerts.log");
        try (AlertLogFile log = AlertLogFile.open(file)) {
            assertThat(log.lastCommittedTransaction()).isEqualTo(-1);
            log.commit(1, List.of(A, B));
            log.commit(2, List.of());
            log.commit(2, List.of(C)); // a repeat after a crash: already there
            log.commit(1, List.of(A));
        }
        try (AlertLogFile log = AlertLogFile.open(file)) {
            assertThat(log.lastCommittedTransaction()).isEqualTo(2);
            log.commit(3, List.of(C));
            assertThat(log.committedAfter(1)).containsExactly(C);
            assertThat(log.committedAfter(-1)).containsExactly(A, B, C);
        }
        assertThat(AlertLogFile.read(file)).containsExactly(A, B, C);
    }

    @Test
    void aTornLastTransactionIsCutOffAndCanBeCommittedAgain() throws IOException {
        Path file = dir.resolve("alerts.log");
        try (AlertLogFile log = AlertLogFile.open(file)) {
            log.commit(1, List.of(A));
            log.commit(2, List.of(B, C));
        }
        byte[] whole = Files.readAllBytes(file);
        int firstBlock = new String(whole, StandardCharsets.UTF_8).indexOf("txn 2");
        for (int cut = firstBlock + 1; cut < whole.length; cut += 7) {
            Files.write(file, Arrays.copyOf(whole, cut));
            assertThat(AlertLogFile.read(file)).as("cut at byte %d", cut).containsExactly(A);
            try (AlertLogFile log = AlertLogFile.open(file)) {
                assertThat(log.lastCommittedTransaction()).isEqualTo(1);
                log.commit(2, List.of(B, C));
            }
            assertThat(AlertLogFile.read(file)).containsExactly(A, B, C);
            assertThat(Files.readAllBytes(file)).isEqualTo(whole);
        }
    }

    @Test
    void aDamagedCompleteTransactionIsRefusedWithItsOffset() throws IOException {
        Path file = dir.resolve("alerts.log");
        try (AlertLogFile log = AlertLogFile.open(file)) {
            log.commit(1, List.of(A));
            log.commit(2, List.of(C));
        }
        String text = Files.readString(file);
        Files.writeString(file, text.replace("9000 km", "9001 km"));
        int offset = text.indexOf("txn 2");
        assertThatThrownBy(() -> AlertLogFile.open(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("byte " + offset)
                .hasMessageContaining("transaction 2 does not match its checksum");
    }
}
