package io.imageflow.notifier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.imageflow.batch.Batch;
import io.imageflow.batch.BatchCompleted;
import io.imageflow.batch.BatchStore;
import io.imageflow.batch.ImageRecord;
import io.imageflow.batch.ImageStatus;
import io.imageflow.batch.OwnerAddress;
import io.imageflow.manager.UnknownBatchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the one email a batch's owner gets, and remembers that it went. A batch already marked notified
 * gets none, so a redelivered notification never mails twice; the email is claimed in the store before it
 * is sent, so two notifiers handed the same notification never both send it. Where the email cannot go —
 * an address that is not a plain mailbox, one over its allowance of emails this hour, one the mail server
 * refuses for good — the batch records why and nobody tries again; the owner still has the batch page.
 */
public class CompletionEmails {

    /** An email to send, and the claim in the store that lets this notifier send it. */
    public record Email(String to, String subject, String text, String batchId, String claimId) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(CompletionEmails.class);
    private static final Duration DEFAULT_CLAIM = Duration.ofMinutes(5);
    private static final int DEFAULT_PER_HOUR = 20;
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter
            .ofPattern("EEEE d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final BatchStore store;
    private final String publicUrl;
    private final String subjectPrefix;
    private final Duration claimFor;
    private final RecipientAllowance allowance;
    private final Clock clock;

    /** With a claim of 5 minutes and 20 emails per recipient and hour. */
    public CompletionEmails(BatchStore store, String publicUrl, String subjectPrefix) {
        this(store, publicUrl, subjectPrefix, DEFAULT_CLAIM,
                new RecipientAllowance(new StoredBuckets(store), DEFAULT_PER_HOUR), Clock.systemUTC());
    }

    /**
     * @param claimFor how long a claim to send holds before another notifier may take it over
     * @param allowance the emails each recipient address may get per hour
     */
    public CompletionEmails(BatchStore store, String publicUrl, String subjectPrefix, Duration claimFor,
            RecipientAllowance allowance, Clock clock) {
        this.store = store;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.subjectPrefix = subjectPrefix;
        this.claimFor = claimFor;
        this.allowance = allowance;
        this.clock = clock;
    }

    /**
     * @return the email to send, or null when the owner was told already, another notifier is telling them, or
     *         the email cannot go (then the batch says why)
     */
    public Email compose(BatchCompleted completed) {
        Batch batch = store.findBatch(completed.batchId())
                .orElseThrow(() -> new UnknownBatchException(completed.batchId()));
        if (batch.notifiedAt() != null || batch.notificationError() != null) {
            return null;
        }
        // the API refuses such addresses; this is the same check at the last step before the SMTP server
        String addressProblem = OwnerAddress.problem(batch.email());
        if (addressProblem != null) {
            giveUp(batch.id(), "Not sent: the address is not a plain mailbox (" + addressProblem + ").");
            return null;
        }
        String claimId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        if (!store.claimNotification(batch.id(), claimId, now, now.plus(claimFor))) {
            return null;
        }
        if (!allowance.take(batch.email())) {
            giveUp(batch.id(), "Not sent: this address was sent " + allowance.perHour()
                    + " emails by ImageFlow within the hour, the most it may get. The batch page shows everything the email would have.");
            return null;
        }
        List<ImageRecord> failed = store.findImages(batch.id()).stream()
                .filter(image -> image.status() == ImageStatus.FAILED).toList();
        return new Email(batch.email(), subject(batch), text(batch, failed), batch.id(), claimId);
    }

    public void sent(BatchCompleted completed) {
        store.markNotified(completed.batchId(), clock.instant());
    }

    /**
     * The email could not be sent. A recipient the mail server refused for good is given up on, the batch
     * recording the server's reply; after any other failure the claim is given up and this throws, so the
     * notification is delivered again and the next delivery may send at once.
     */
    public void notSent(Email email, Exception failure) {
        allowance.giveBack(email.to());
        Optional<String> refusal = SmtpRefusal.permanent(failure);
        if (refusal.isPresent()) {
            giveUp(email.batchId(), "Not sent: the mail server refused the address for good (" + refusal.get() + ").");
            return;
        }
        store.releaseNotification(email.batchId(), email.claimId());
        throw new EmailNotSentException("The email of batch " + email.batchId() + " was not sent: "
                + failure.getMessage());
    }

    public String link(String batchId) {
        return publicUrl + "/batches/" + batchId;
    }

    private void giveUp(String batchId, String reason) {
        if (store.giveUpNotification(batchId, reason)) {
            LOG.warn("Batch {}: its owner will not be emailed. {}", batchId, reason);
        }
    }

    private String subject(Batch batch) {
        if (batch.failedCount() == 0) {
            return subjectPrefix + (batch.imageCount() == 1 ? "your image is ready"
                    : "your " + batch.imageCount() + " images are ready");
        }
        return subjectPrefix + batch.doneCount() + " of " + images(batch.imageCount()) + " processed, "
                + batch.failedCount() + " failed";
    }

    private String text(Batch batch, List<ImageRecord> failed) {
        StringBuilder text = new StringBuilder()
                .append("Hello,\n\n")
                .append("ImageFlow has finished batch ").append(batch.id()).append(".\n\n")
                .append("  Images:    ").append(batch.imageCount()).append('\n')
                .append("  Processed: ").append(batch.doneCount()).append('\n')
                .append("  Failed:    ").append(batch.failedCount()).append("\n\n");
        if (!failed.isEmpty()) {
            text.append("These images could not be processed:\n");
            failed.forEach(image -> text.append("  - ").append(image.name()).append(": ").append(image.error()).append('\n'));
            text.append('\n');
        }
        text.append("See every image before and after, and download the results:\n")
                .append(link(batch.id())).append("\n\n");
        if (batch.expiresAt() != null) {
            text.append("The images are kept until ").append(EXPIRY.format(batch.expiresAt()))
                    .append("; after that they and this link are gone.\n\n");
        }
        return text.append("— ImageFlow\n").toString();
    }

    private static String images(int count) {
        return count == 1 ? "1 image" : count + " images";
    }
}
