package io.imageflow.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.imageflow.batch.Batch;
import io.imageflow.batch.BatchCompleted;
import io.imageflow.batch.BatchStatus;
import io.imageflow.batch.BatchStore;
import io.imageflow.batch.ImageRecord;
import io.imageflow.batch.ImageStatus;
import io.imageflow.batch.StoredFile;
import io.imageflow.support.H2Store;
import jakarta.mail.MessagingException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two notifiers given the same notification: only the one holding the claim composes the email. */
class CompletionEmailClaimTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private BatchStore store;
    private BatchCompleted completed;

    @BeforeEach
    void finishedBatch() {
        store = new H2Store().store;
        String id = UUID.randomUUID().toString();
        store.create(new Batch(id, "ada@example.com", NOW, BatchStatus.PROCESSING, 1, 0, 0, null, null),
                List.of(new ImageRecord(id, "1", 0, new StoredFile("a.jpg", "jpeg", "image/jpeg", 1, 1, 1), List.of(),
                        ImageStatus.QUEUED, 0, null, null, null, null)));
        completed = new BatchCompleted(id);
    }

    private CompletionEmails notifier(Instant at) {
        return new CompletionEmails(store, "https://images.example.com", "ImageFlow: ", Duration.ofMinutes(5),
                new RecipientAllowance(new StoredBuckets(store), 20), Clock.fixed(at, ZoneOffset.UTC));
    }

    @Test
    void theSecondNotifierGetsNothingToSendWhileTheFirstHoldsTheClaim() {
        assertThat(notifier(NOW).compose(completed)).isNotNull();
        assertThat(notifier(NOW.plusSeconds(60)).compose(completed)).isNull();
    }

    @Test
    void aFailedSendGivesTheClaimUpSoTheNextDeliverySendsAtOnce() {
        CompletionEmails.Email email = notifier(NOW).compose(completed);
        assertThatThrownBy(() -> notifier(NOW).notSent(email, new MessagingException("Connection refused")))
                .isInstanceOf(EmailNotSentException.class).hasMessageContaining("Connection refused");
        assertThat(notifier(NOW.plusSeconds(10)).compose(completed)).isNotNull();
    }

    @Test
    void aClaimWhoseNotifierDiedLapsesAndOnceSentNobodySendsAgain() {
        assertThat(notifier(NOW).compose(completed)).isNotNull();
        CompletionEmails later = notifier(NOW.plus(Duration.ofMinutes(6)));
        assertThat(later.compose(completed)).isNotNull();
        later.sent(completed);
        assertThat(notifier(NOW.plus(Duration.ofHours(1))).compose(completed)).isNull();
    }
}
