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
import io.imageflow.support.H2Store;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.Test;

/**
 * Emails that cannot go are given up for good, the batch recording why, so that nothing tries again and
 * again: an address that is not a plain mailbox, one over its hourly allowance, one the mail server refuses.
 */
class UnsendableEmailsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final H2Store h2 = new H2Store();
    private final CompletionEmails emails = new CompletionEmails(h2.store, "https://images.example.com", "ImageFlow: ",
            Duration.ofMinutes(5), new RecipientAllowance(new StoredBuckets(h2.store), 2), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void anAddressWithALineBreakIsNeverMailedAndNeverTriedAgain() {
        BatchCompleted completed = finishedFor("\"a\r\n RCPT TO:<x@evil.test>\"@example.com");

        assertThat(emails.compose(completed)).isNull();

        Batch batch = h2.store.findBatch(completed.batchId()).orElseThrow();
        assertThat(batch.notificationError()).startsWith("Not sent: the address is not a plain mailbox");
        assertThat(batch.notifiedAt()).isNull();
        assertThat(h2.store.findUnnotifiedBefore(NOW.plus(Duration.ofDays(1)))).doesNotContain(completed.batchId());
        assertThat(emails.compose(completed)).isNull();
    }

    @Test
    void anAddressGetsItsAllowanceOfEmailsPerHourAndTheNextBatchSaysWhyItGotNone() {
        BatchCompleted first = finishedFor("ada@example.com");
        BatchCompleted second = finishedFor("Ada@Example.com");
        BatchCompleted third = finishedFor("ada@example.com");
        BatchCompleted someoneElse = finishedFor("grace@example.com");

        assertThat(emails.compose(first)).isNotNull();
        assertThat(emails.compose(second)).as("the same address in other letters").isNotNull();
        assertThat(emails.compose(third)).isNull();
        assertThat(emails.compose(someoneElse)).isNotNull();

        assertThat(h2.store.findBatch(third.batchId()).orElseThrow().notificationError())
                .isEqualTo("Not sent: this address was sent 2 emails by ImageFlow within the hour, the most it may get."
                        + " The batch page shows everything the email would have.");
        assertThat(h2.store.findUnnotifiedBefore(NOW.plus(Duration.ofDays(1)))).doesNotContain(third.batchId());
        assertThat(h2.store.findBatch(first.batchId()).orElseThrow().notificationError()).isNull();
    }

    @Test
    void anEmailThatDidNotGoOutGivesItsAllowanceBack() {
        for (int i = 0; i < 3; i++) {
            CompletionEmails.Email email = emails.compose(finishedFor("ada@example.com"));
            assertThat(email).as("email %d", i).isNotNull();
            assertThatThrownBy(() -> emails.notSent(email, new MessagingException("Connection refused")))
                    .isInstanceOf(EmailNotSentException.class);
        }
    }

    @Test
    void aRecipientTheMailServerRefusesForGoodIsGivenUpWithItsReply() throws Exception {
        BatchCompleted completed = finishedFor("nobody@example.com");
        CompletionEmails.Email email = emails.compose(completed);

        emails.notSent(email, refused(550, "550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown"));

        Batch batch = h2.store.findBatch(completed.batchId()).orElseThrow();
        assertThat(batch.notificationError()).isEqualTo("Not sent: the mail server refused the address for good"
                + " (550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown).");
        assertThat(h2.store.findUnnotifiedBefore(NOW.plus(Duration.ofDays(1)))).doesNotContain(completed.batchId());
        assertThat(emails.compose(completed)).isNull();
    }

    @Test
    void aRecipientRefusedForNowIsTriedAgain() throws Exception {
        BatchCompleted completed = finishedFor("busy@example.com");
        CompletionEmails.Email email = emails.compose(completed);

        assertThatThrownBy(() -> emails.notSent(email, refused(450, "450 4.2.1 <busy@example.com>: mailbox busy")))
                .isInstanceOf(EmailNotSentException.class);

        assertThat(h2.store.findBatch(completed.batchId()).orElseThrow().notificationError()).isNull();
        assertThat(emails.compose(completed)).as("the claim was given up: the next delivery sends").isNotNull();
    }

    /** What Jakarta Mail throws when the server answers RCPT TO with this code, as it chains it. */
    private static SendFailedException refused(int code, String reply) throws Exception {
        InternetAddress address = new InternetAddress("someone@example.com");
        Address[] none = new Address[0];
        Address[] one = {address};
        SMTPAddressFailedException failed = new SMTPAddressFailedException(address, "RCPT TO:<someone@example.com>",
                code, reply);
        return code >= 500 ? new SendFailedException("Invalid Addresses", failed, none, none, one)
                : new SendFailedException("Invalid Addresses", failed, none, one, none);
    }

    private BatchCompleted finishedFor(String email) {
        String id = UUID.randomUUID().toString();
        h2.store.create(new Batch(id, email, NOW.minus(Duration.ofHours(1)), BatchStatus.COMPLETED, 0, 0, 0, NOW,
                null), List.of());
        return new BatchCompleted(id);
    }
}
