package io.imageflow.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.imageflow.batch.Batch;
import io.imageflow.batch.BatchCompleted;
import io.imageflow.batch.BatchStatus;
import io.imageflow.batch.ImageRecord;
import io.imageflow.batch.ImageStatus;
import io.imageflow.batch.StoredFile;
import io.imageflow.store.JdbcBatchStore;
import io.imageflow.support.H2Store;
import org.junit.jupiter.api.Test;

/** The notifier checks the address again before sending: a stored address that is not a plain mailbox gets no email. */
class UndeliverableAddressTest {

    private final JdbcBatchStore store = new H2Store().store;
    private final CompletionEmails emails = new CompletionEmails(store, "https://images.example.com", "ImageFlow: ");

    private BatchCompleted finishedFor(String email) {
        String id = UUID.randomUUID().toString();
        store.create(new Batch(id, email, Instant.now(), BatchStatus.COMPLETED, 1, 1, 0, null, null),
                List.of(new ImageRecord(id, "1", 0, new StoredFile("a.png", "png", "image/png", 5, 1, 1), List.of(),
                        ImageStatus.DONE, 1, null, null, null, null)));
        return new BatchCompleted(id);
    }

    @Test
    void anAddressWithALineBreakIsNeverMailed() {
        BatchCompleted completed = finishedFor("\"a\r\n RCPT TO:<x@evil.test>\"@example.com");
        assertThatThrownBy(() -> emails.compose(completed)).isInstanceOf(UndeliverableAddressException.class)
                .hasMessageContaining(completed.batchId()).hasMessageContaining("not a plain mailbox");
    }

    @Test
    void aPlainAddressIsMailed() {
        assertThat(emails.compose(finishedFor("ada@example.com")).to()).isEqualTo("ada@example.com");
    }
}
